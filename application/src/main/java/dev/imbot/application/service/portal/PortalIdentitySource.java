package dev.imbot.application.service.portal;

import dev.imbot.application.port.out.portal.PortalSettings;
import dev.imbot.domain.portal.PortalIdentity;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The portal's identity, the one source of {@code domain}, {@code client_endpoint}, {@code
 * server_endpoint} and {@code member_id} in every token answer and event body: the configured
 * public URL and the member id, made at first use and stored, so every instance and every restart
 * sends the same one.
 */
public final class PortalIdentitySource {
  static final String MEMBER_ID = "member_id";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> publicUrl;
  private final PortalSettings settings;
  private final String firstMemberId;
  private volatile PortalIdentity identity;

  public PortalIdentitySource(String publicUrl, PortalSettings settings) {
    this((Supplier<String>) () -> publicUrl, settings, null);
  }

  /**
   * With the public URL known only once the server runs (its port), asked at first use.
   *
   * @param firstMemberId the member id to store when none is stored yet (32 lower-case hex), or
   *     null for a random one; a stored member id is never changed
   */
  public PortalIdentitySource(
      Supplier<String> publicUrl, PortalSettings settings, String firstMemberId) {
    if (firstMemberId != null && !firstMemberId.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException(
          "a configured member id must be 32 lower-case hex digits, was " + firstMemberId);
    }
    this.publicUrl = publicUrl;
    this.settings = settings;
    this.firstMemberId = firstMemberId;
  }

  public PortalIdentity identity() {
    PortalIdentity known = identity;
    if (known == null) {
      known =
          new PortalIdentity(
              publicUrl.get(),
              settings.getOrCreate(
                  MEMBER_ID, () -> firstMemberId != null ? firstMemberId : newMemberId()));
      identity = known;
    }
    return known;
  }

  private static String newMemberId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
