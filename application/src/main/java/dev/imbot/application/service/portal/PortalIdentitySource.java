package dev.imbot.application.service.portal;

import dev.imbot.application.port.out.portal.PortalSettings;
import dev.imbot.domain.portal.PortalIdentity;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The portal's identity: the configured public URL and the member id, made at first use and stored,
 * so every instance and every restart sends the same one.
 */
public final class PortalIdentitySource {
  static final String MEMBER_ID = "member_id";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> publicUrl;
  private final PortalSettings settings;
  private volatile PortalIdentity identity;

  public PortalIdentitySource(String publicUrl, PortalSettings settings) {
    this((Supplier<String>) () -> publicUrl, settings);
  }

  /** With the public URL known only once the server runs (its port), asked at first use. */
  public PortalIdentitySource(Supplier<String> publicUrl, PortalSettings settings) {
    this.publicUrl = publicUrl;
    this.settings = settings;
  }

  public PortalIdentity identity() {
    PortalIdentity known = identity;
    if (known == null) {
      known =
          new PortalIdentity(
              publicUrl.get(), settings.getOrCreate(MEMBER_ID, PortalIdentitySource::newMemberId));
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
