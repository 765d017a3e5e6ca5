package dev.imbot.adapter.persistence;

import dev.imbot.domain.delivery.FormFields;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code auth[...]} block each attempt carries until the applications' tokens exist: the
 * portal's {@code domain} (its public host[:port]) and {@code member_id}, and the application's
 * {@code application_token}.
 */
@Singleton
public final class DeliveryAuth {
  private final String domain;
  private final String memberId;

  DeliveryAuth(
      @Value("${imbot.portal.domain:127.0.0.1:8080}") String domain,
      @Value("${imbot.portal.member-id:}") String memberId) {
    this.domain = domain;
    this.memberId = memberId.isBlank() ? memberIdOf(domain) : memberId;
  }

  /** A stable 32-hex portal id derived from its domain, when the operator names none. */
  static String memberIdOf(String domain) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("imbot-registry:" + domain).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  FormFields render(String applicationToken) {
    return FormFields.builder()
        .add("auth[domain]", domain)
        .add("auth[member_id]", memberId)
        .add("auth[application_token]", applicationToken)
        .build();
  }
}
