package dev.imbot.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test support: a Standard Webhooks signature computed independently of the service, {@code
 * v1,<base64 HMAC-SHA256(key, content)>}.
 */
final class WebhookSignature {
  private WebhookSignature() {}

  /** The signature of {@code content} ({@code id.timestamp.body}) with {@code key}. */
  static String v1(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "v1,"
          + Base64.getEncoder()
              .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The same with a secret as shown, {@code whsec_<base64 key>}. */
  static String v1(String secret, String content) {
    return v1(Base64.getDecoder().decode(secret.substring("whsec_".length())), content);
  }
}
