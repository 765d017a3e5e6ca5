package dev.imbot.domain.delivery;

import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * An application's webhook signing secret, as Standard Webhooks defines it: shown as {@code
 * whsec_<base64 of the key>}; the HTTP side signs {@code <webhook-id>.<webhook-timestamp>.<body>}
 * with it (HMAC-SHA256, {@code v1,<base64>}). The key is 32 random bytes when the service makes it;
 * a secret read back may hold 24 to 64 bytes (other senders' secrets).
 */
public final class SigningSecret {
  public static final String PREFIX = "whsec_";
  private static final int GENERATED_BYTES = 32;

  private final byte[] key;

  private SigningSecret(byte[] key) {
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("a signing key has 24 to 64 bytes, had " + key.length);
    }
    this.key = key.clone();
  }

  /** A new secret of 32 bytes from {@code random} (a {@code SecureRandom} in production). */
  public static SigningSecret generate(RandomGenerator random) {
    byte[] key = new byte[GENERATED_BYTES];
    random.nextBytes(key);
    return new SigningSecret(key);
  }

  /** Reads {@code whsec_<base64>}. */
  public static SigningSecret parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
    }
    try {
      return new SigningSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a signing secret is whsec_ and base64", e);
    }
  }

  /** The secret as shown to its application: {@code whsec_<base64>}. */
  public String text() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key's bytes, for the signer (a copy). */
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningSecret other && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never the key itself: secrets do not belong in logs. */
  @Override
  public String toString() {
    return "SigningSecret[whsec_…]";
  }
}
