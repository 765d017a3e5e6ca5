package dev.imbot.adapter.delivery;

import dev.imbot.domain.delivery.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>},
 * one per secret, space-separated.
 */
public final class StandardWebhooksSignature {
  // One Mac per thread, keyed anew for each signature: looking the algorithm up among the JDK's
  // providers at every attempt cost more than the HMAC of a small body.
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
          });

  private StandardWebhooksSignature() {}

  /** The {@code webhook-signature} header's value. */
  public static String header(List<SigningSecret> secrets, String id, long timestamp, byte[] body) {
    return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
  }

  /** One secret's signature. */
  public static String sign(SigningSecret secret, String id, long timestamp, byte[] body) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
