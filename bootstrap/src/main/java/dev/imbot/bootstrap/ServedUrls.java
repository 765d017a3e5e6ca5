package dev.imbot.bootstrap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyHttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The running service's base URLs, {@code http://127.0.0.1:8080} and, while https is enabled,
 * {@code https://127.0.0.1:8443}. With both protocols the server reports one port of its own
 * choosing, so the http port is told apart as the bound port that is not the https one.
 */
record ServedUrls(String http, Optional<String> https) {

  static ServedUrls of(EmbeddedServer server, @Nullable HttpsSetup https) {
    String host = server.getHost().replace("localhost", "127.0.0.1");
    if (https == null || !(server instanceof NettyHttpServer netty)) {
      return new ServedUrls("http://" + host + ":" + server.getPort(), Optional.empty());
    }
    Set<Integer> others = new HashSet<>(netty.getBoundPorts());
    others.remove(https.port());
    int httpPort = others.size() == 1 ? others.iterator().next() : server.getPort();
    return new ServedUrls(
        "http://" + host + ":" + httpPort, Optional.of("https://" + host + ":" + https.port()));
  }
}
