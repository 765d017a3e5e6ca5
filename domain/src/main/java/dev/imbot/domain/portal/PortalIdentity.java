package dev.imbot.domain.portal;

import java.net.URI;
import java.util.Objects;

/**
 * Who the portal is to applications: its public URL (giving {@code domain}, {@code client_endpoint}
 * and {@code server_endpoint}) and its {@code member_id}, 32 hex digits made once and kept.
 */
public record PortalIdentity(String publicUrl, String memberId) {

  public PortalIdentity {
    Objects.requireNonNull(publicUrl, "publicUrl");
    URI uri = URI.create(publicUrl);
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("the public URL must be an http(s) URL: " + publicUrl);
    }
    publicUrl = publicUrl.replaceAll("/+$", "");
    if (memberId == null || !memberId.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("a member id is 32 lower-case hex digits");
    }
  }

  /** The public host, with its port when the URL names one: {@code auth[domain]}. */
  public String domain() {
    URI uri = URI.create(publicUrl);
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** {@code <public URL>/rest/}: where applications call methods. */
  public String clientEndpoint() {
    return publicUrl + "/rest/";
  }

  /** {@code <public URL>/oauth/}: where applications refresh tokens. */
  public String serverEndpoint() {
    return publicUrl + "/oauth/";
  }
}
