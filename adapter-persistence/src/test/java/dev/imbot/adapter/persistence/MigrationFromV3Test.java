package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations from the schema as it was at V3 (client applications in a table of their own, the
 * one-event outbox, bindings keyed by application and event) to the latest: a database at V3 with
 * data of every kind is migrated, then read back through SQL and through the adapters. Runs once
 * per database.
 */
abstract class MigrationFromV3Test {
  static final Instant T1 = Instant.parse("2026-10-01T08:00:00.123456Z");
  static final Instant T2 = Instant.parse("2026-10-02T09:30:00Z");
  static final Instant T3 = Instant.parse("2026-10-03T10:45:00Z");
  static final String WEIRD_CODE = "we\"ird\\ код\n\u0001 😀";
  static final String HASH_ONE = SecretHash.of("token-one-0123456789").hex();
  static final String HASH_LONELY = SecretHash.of("token-lonely-0123456789").hex();

  String url;

  /** An empty database of this kind, and its Flyway vendor folder. */
  abstract String newDatabase() throws Exception;

  abstract String vendor();

  abstract void dropDatabase() throws Exception;

  /** The user to connect as when the URL names none (H2's default user, as the service's pool). */
  String user() {
    return null;
  }

  Connection connect() throws SQLException {
    return user() == null
        ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, user(), "");
  }

  @BeforeEach
  void migrateToV3WithData() throws Exception {
    url = newDatabase();
    flyway("3").migrate();
    try (Connection c = connect()) {
      execute(
          c,
          "INSERT INTO portal_user (id, kind, email) VALUES (nextval('portal_user_id_seq'), 'BOT',"
              + " 'bot@example.com')",
          "INSERT INTO portal_user (id, kind) VALUES (nextval('portal_user_id_seq'), 'BOT')",
          "INSERT INTO portal_user (id, kind, name, email) VALUES (nextval('portal_user_id_seq'),"
              + " 'PERSON', 'Ann', 'ann@example.com')",
          "INSERT INTO application (application_key) VALUES ('app.one'), ('custom42'),"
              + " ('app.removed'), ('custom')");
      insert(
          c,
          "INSERT INTO client_application (application_key, access_token_hash,"
              + " access_token_expires_at, application_token) VALUES (?, ?, ?, ?)",
          List.of("app.one", HASH_ONE, utc(T2), "app-token-one"),
          java.util.Arrays.asList("app.lonely", HASH_LONELY, null, "app-token-lonely"));
      insert(
          c,
          "INSERT INTO bot (user_id, application_key, code, type, open_lines, name,"
              + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          List.of(2L, "app.one", WEIRD_CODE, "S", false, "Bot One", utc(T1)),
          List.of(3L, "custom42", "two", "B", false, "Bot Two", utc(T1)));
      insert(
          c,
          "INSERT INTO handler_binding (application_key, event, url) VALUES (?, ?, ?)",
          List.of("app.one", "ONIMBOTDELETE", "https://one.example.com/gone"),
          List.of("app.one", "ONIMBOTMESSAGEADD", "https://one.example.com/add"),
          List.of("custom42", "ONIMBOTDELETE", "https://two.example.com/gone?CLIENT_ID=42"));
      insert(
          c,
          "INSERT INTO event_outbox (application_key, event, handler_url, bot_id, bot_code,"
              + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
          List.of(
              "app.one", "ONIMBOTDELETE", "https://one.example.com/gone", 9L, WEIRD_CODE, utc(T1)),
          List.of("custom42", "ONIMBOTDELETE", "https://old.example.com/gone", 10L, "x", utc(T2)),
          List.of("custom7", "ONIMBOTDELETE", "https://seven.example.com/gone", 11L, "y", utc(T3)));
    }
  }

  @AfterEach
  void drop() throws Exception {
    dropDatabase();
  }

  @Test
  void givenAV3DatabaseWithData_migrate_movesClientApplicationsIntoApplicationRows()
      throws Exception {
    flyway(null).migrate();

    Map<String, List<Object>> rows = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT application_key, kind, client_id, application_token, access_token_hash,"
                    + " access_token_expires_at FROM application ORDER BY application_key")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        row.add(rs.getString(2));
        row.add(rs.getString(3));
        row.add(rs.getString(4));
        row.add(rs.getString(5));
        OffsetDateTime expires = rs.getObject(6, OffsetDateTime.class);
        row.add(expires == null ? null : expires.toInstant());
        rows.put(rs.getString(1), row);
      }
    }
    assertThat(rows).containsOnlyKeys("app.lonely", "app.one", "app.removed", "custom", "custom42");
    assertThat(rows.get("app.one"))
        .containsExactly("LOCAL", "app.one", "app-token-one", HASH_ONE, T2);
    assertThat(rows.get("app.lonely"))
        .containsExactly("LOCAL", "app.lonely", "app-token-lonely", HASH_LONELY, null);
    assertThat(rows.get("custom42")).containsExactly("WEBHOOK", "42", "42", null, null);
    assertThat(rows.get("app.removed").subList(0, 2)).containsExactly("LOCAL", "app.removed");
    assertThat((String) rows.get("app.removed").get(2)).matches("[0-9a-f]{32}");
    assertThat(rows.get("app.removed").get(3)).isNull();
    assertThat(rows.get("custom").subList(0, 2)).containsExactly("LOCAL", "custom");
    assertThat(rows.get("custom").get(2)).isNotEqualTo(rows.get("app.removed").get(2));
    assertThatThrownBy(() -> count("client_application")).isInstanceOf(SQLException.class);
  }

  @Test
  void givenAV3DatabaseWithData_migrate_numbersBindingsAndMovesTheOutboxToDeliveries()
      throws Exception {
    flyway(null).migrate();

    try (DatabaseInstance instance = DatabaseInstance.start(url)) {
      ApplicationKey one = ApplicationKey.of("app.one");
      HandlerBinding delete =
          instance.handlers().bindingFor(one, BotEvent.BOT_DELETE).orElseThrow();
      HandlerBinding add = instance.handlers().bindingFor(one, BotEvent.MESSAGE_ADD).orElseThrow();
      HandlerBinding other =
          instance
              .handlers()
              .bindingFor(ApplicationKey.of("custom42"), BotEvent.BOT_DELETE)
              .orElseThrow();
      assertThat(List.of(delete.id(), add.id(), other.id())).doesNotHaveDuplicates();
      assertThat(delete.url()).isEqualTo(HandlerUrl.of("https://one.example.com/gone"));
      assertThat(other.url()).isEqualTo(HandlerUrl.of("https://two.example.com/gone?CLIENT_ID=42"));

      List<Delivery> deliveries = instance.outbox().page(0, 10);
      assertThat(deliveries).hasSize(3);
      assertThat(deliveries)
          .extracting(d -> d.event().application().value())
          .containsExactly("app.one", "custom42", "custom7");
      assertThat(deliveries)
          .extracting(d -> d.event().handlerBindingId())
          .containsExactly(delete.id(), other.id(), 0L);
      assertThat(deliveries)
          .extracting(d -> d.event().data())
          .containsExactly(
              EventData.builder().put("BOT_ID", "9").put("BOT_CODE", WEIRD_CODE).build(),
              EventData.builder().put("BOT_ID", "10").put("BOT_CODE", "x").build(),
              EventData.builder().put("BOT_ID", "11").put("BOT_CODE", "y").build());
      Delivery first = deliveries.get(0);
      assertThat(first.event().event()).isEqualTo("ONIMBOTDELETE");
      assertThat(first.event().handler()).isEqualTo(HandlerUrl.of("https://one.example.com/gone"));
      assertThat(first.event().subjects()).isEqualTo(AuthSubjects.none());
      assertThat(first.event().createdAt()).isEqualTo(T1);
      assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(first.attempts()).isZero();
      assertThat(first.nextAttemptAt()).isEqualTo(T1);
      assertThat(first.leaseOwner()).isNull();
      assertThat(deliveries.get(1).event().handler())
          .isEqualTo(HandlerUrl.of("https://old.example.com/gone"));
    }
    assertThatThrownBy(() -> count("event_outbox")).isInstanceOf(SQLException.class);
  }

  @Test
  void givenAV3DatabaseWithData_migrate_keepsBotsPeopleAndTokensWorking() throws Exception {
    flyway(null).migrate();

    try (DatabaseInstance instance = DatabaseInstance.start(url)) {
      ClientApplication one =
          instance
              .applications()
              .findByAccessToken(SecretHash.of("token-one-0123456789"))
              .orElseThrow();
      assertThat(one)
          .isEqualTo(
              new ClientApplication(
                  ApplicationKey.of("app.one"), new SecretHash(HASH_ONE), T2, "app-token-one"));
      assertThat(instance.applications().listAll())
          .extracting(a -> a.key().value())
          .containsExactly("app.lonely", "app.one");
      assertThat(instance.bots().findById(BotId.of(2)).orElseThrow().code().value())
          .isEqualTo(WEIRD_CODE);
      assertThat(instance.bots().listAll())
          .extracting(b -> b.type().letter())
          .containsExactly("S", "B");
      assertThat(instance.people().listAll())
          .containsExactly(
              Person.named(UserId.of(1), "Administrator", null),
              Person.named(
                  UserId.of(4), "Ann", dev.imbot.domain.portal.Email.of("ann@example.com")));
      // A new binding and a new delivery continue the numbering after the migrated rows.
      instance
          .handlers()
          .replace(
              ApplicationKey.of("custom42"),
              instance
                  .handlers()
                  .bindingsOf(ApplicationKey.of("custom42"))
                  .rebind(
                      dev.imbot.domain.event.HandlerBindings.of(
                          Map.of(
                              BotEvent.WELCOME_MESSAGE,
                              HandlerUrl.of("https://two.example.com/j")))));
      assertThat(
              instance
                  .handlers()
                  .bindingFor(ApplicationKey.of("custom42"), BotEvent.WELCOME_MESSAGE)
                  .orElseThrow()
                  .id())
          .isGreaterThan(3);
    }
  }

  @Test
  void givenAV3DatabaseWithData_migrate_leavesNoFixedWidthTextAndKeepsTheValues() throws Exception {
    flyway(null).migrate();

    // Decision 95: H2 copies a whole row for each column read when any column is CHAR(n).
    List<String> fixedWidth = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema()"
                    + " AND data_type IN ('CHARACTER', 'character', 'bpchar')")) {
      while (rs.next()) {
        fixedWidth.add(rs.getString(1) + "." + rs.getString(2));
      }
    }
    assertThat(fixedWidth).isEmpty();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT b.type, a.access_token_hash FROM bot b JOIN application a"
                    + " ON a.application_key = b.application_key WHERE b.user_id = 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("S");
      assertThat(rs.getString(2)).isEqualTo(HASH_ONE);
    }
  }

  @Test
  void givenDeliveriesFromBeforeV80_migrate_findsTheirBotsAndWhenTheyFinished() throws Exception {
    flyway("60").migrate();
    try (Connection c = connect()) {
      insert(
          c,
          "INSERT INTO event_delivery (application_key, event, handler_binding_id, handler_url,"
              + " event_data, bot_ids, created_at, status, attempts, next_attempt_at)"
              + " VALUES (?, ?, 1, 'https://one.example.com/add', ?, ?, ?, ?, ?, ?)",
          List.of(
              "app.one",
              "ONIMBOTMESSAGEADD",
              "{\"BOT\":{\"4\":{\"BOT_ID\":\"4\"}}}",
              "4,12",
              utc(T1),
              "DEAD",
              8,
              utc(T2)),
          java.util.Arrays.asList(
              "app.one",
              "ONIMBOTDELETE",
              "{\"BOT_ID\":\"13\",\"BOT_CODE\":\"x\"}",
              null,
              utc(T1),
              "DELIVERED",
              1,
              utc(T3)));
      insert(
          c,
          "INSERT INTO delivery_attempt (delivery_id, number, started_at, duration_ms,"
              + " http_status, response_start) VALUES (?, 1, ?, 5, 200, '')",
          List.of(5L, utc(T3)));
    }

    flyway(null).migrate();

    try (DatabaseInstance instance = DatabaseInstance.start(url)) {
      var log = instance.deliveryLog();
      // The three events of the V3 outbox (deleted bots 9, 10, 11) are ids 1 to 3.
      for (long bot : List.of(9L, 10L, 11L, 4L, 12L, 13L)) {
        assertThat(
                log.find(
                        new dev.imbot.domain.delivery.DeliveryFilter(
                            null, bot, null, null, null, null, null),
                        0,
                        10)
                    .deliveries())
            .as("deliveries of bot %d", bot)
            .hasSize(1);
      }
      var dead = log.details(4).orElseThrow().delivery();
      assertThat(dead.botIds()).containsExactly(4L, 12L);
      assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
      assertThat(dead.finishedAt()).isEqualTo(T2);
      assertThat(dead.replays()).isZero();
      var delivered = log.details(5).orElseThrow();
      assertThat(delivered.delivery().finishedAt()).isEqualTo(T3);
      assertThat(delivered.attempts()).extracting(a -> a.series()).containsExactly(1);
      assertThat(log.details(1).orElseThrow().delivery().finishedAt()).isNull();
    }
  }

  Flyway flyway(String target) {
    var configuration =
        Flyway.configure()
            .dataSource(url, user(), user() == null ? null : "")
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor());
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  long count(String table) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void execute(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static void insert(Connection c, String sql, List<?>... rows) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      for (List<?> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          insert.setObject(i + 1, row.get(i));
        }
        insert.executeUpdate();
      }
    }
  }
}
