package dev.imbot.adapter.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console adapter: who may sign in and who is signed in. A sign-in token is drawn at every start
 * (as Jupyter does; printed in a link by bootstrap); the admin token, when configured, signs in
 * too. Sessions live in this process, so a restart signs everybody out.
 */
@Singleton
public final class ConsoleAccess {
  /** The session cookie's name. */
  static final String COOKIE = "imbot_console";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] startToken;
  private final byte[] adminToken;
  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

  public ConsoleAccess(@Nullable @Value("${imbot.admin.token:}") String adminToken) {
    this.startToken = randomToken().getBytes(StandardCharsets.UTF_8);
    this.adminToken =
        adminToken == null || adminToken.isBlank()
            ? null
            : adminToken.strip().getBytes(StandardCharsets.UTF_8);
  }

  /** The path that signs in with this start's token: {@code /console/?token=…}. */
  public String signInPath() {
    return "/console/?token=" + new String(startToken, StandardCharsets.UTF_8);
  }

  /** Whether {@code token} is this start's token or the admin token (compared in constant time). */
  boolean accepts(@Nullable String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    byte[] given = token.strip().getBytes(StandardCharsets.UTF_8);
    boolean start = MessageDigest.isEqual(startToken, given);
    boolean admin = adminToken != null && MessageDigest.isEqual(adminToken, given);
    return start | admin;
  }

  ConsoleSession open() {
    ConsoleSession session = new ConsoleSession(randomToken(), randomToken());
    sessions.put(session.id(), session);
    return session;
  }

  Optional<ConsoleSession> find(@Nullable String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
  }

  void close(String id) {
    sessions.remove(id);
  }

  /** Whether {@code given} is the session's form token (constant time). */
  static boolean csrfMatches(ConsoleSession session, @Nullable String given) {
    return given != null
        && MessageDigest.isEqual(
            session.csrf().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
