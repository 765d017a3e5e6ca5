package dev.imbot.domain.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The SHA-256 of a secret (webhook secret, access token): what is stored instead of the secret, so
 * a leaked database does not leak credentials. Comparison takes constant time.
 */
public record SecretHash(String hex) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public SecretHash {
    if (!isLowerHex64(hex)) {
      throw new IllegalArgumentException("a secret hash is 64 lower-case hex digits");
    }
  }

  // Checked by hand, not with String.matches: every authenticated call makes one, and matches
  // compiles its pattern each time.
  private static boolean isLowerHex64(String hex) {
    if (hex == null || hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The hash of {@code secret}. */
  public static SecretHash of(String secret) {
    return new SecretHash(HexFormat.of().formatHex(sha256(secret)));
  }

  /** Whether {@code presented} is the secret, compared in constant time. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(HexFormat.of().parseHex(hex), sha256(presented));
  }

  /** A new random secret: 32 URL-safe characters (192 bits). */
  public static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SecretHash[…]";
  }
}
