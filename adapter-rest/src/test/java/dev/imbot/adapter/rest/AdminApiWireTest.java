package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's API under {@code /admin/v1/} over the wire, with an admin token configured. */
@MicronautTest
@Property(name = "imbot.admin.token", value = AdminApiWireTest.ADMIN_TOKEN)
class AdminApiWireTest extends WireTest {
  static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";

  private Wire.Response admin(String method, String path, String json) {
    return wire.send(
        method,
        "/admin/v1" + path,
        json == null ? null : json.getBytes(StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + ADMIN_TOKEN,
        "Content-Type",
        "application/json");
  }

  private static void assertAdminError(Wire.Response response, int status, String error) {
    assertThat(response.status()).as("%s", response).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/json");
    Map<String, Object> body = response.object();
    assertThat(body).containsOnlyKeys("error", "error_description");
    assertThat(body.get("error")).isEqualTo(error);
    assertThat((String) body.get("error_description")).isNotBlank();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Wire.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return (List<Map<String, Object>>) response.json();
  }

  // Access

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<none>",
        "Bearer wrong",
        "Bearer ",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer admin-token-for-tests-012345678",
        "admin-token-for-tests-0123456789"
      })
  void givenAWrongOrMissingBearer_anyAdminCall_answers401(String authorization) {
    for (String path : List.of("/admin/v1/applications", "/admin/v1/webhooks", "/admin/v1/users")) {
      Wire.Response response =
          authorization.equals("<none>")
              ? wire.get(path)
              : wire.send("GET", path, null, "Authorization", authorization);
      assertAdminError(response, 401, "NO_AUTH_FOUND");
    }
    Wire.Response post =
        wire.send(
            "POST",
            "/admin/v1/applications",
            "{\"client_id\":\"sneaky\"}".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json",
            "Authorization",
            authorization.equals("<none>") ? "Bearer" : authorization);
    assertAdminError(post, 401, "NO_AUTH_FOUND");
    assertThat(applications.list()).noneMatch(a -> a.key().value().equals("sneaky"));
  }

  @Test
  void givenTheBearerInAnyCaseOfTheScheme_anyAdminCall_isAllowed() {
    assertThat(
            wire.send("GET", "/admin/v1/users", null, "Authorization", "bearer " + ADMIN_TOKEN)
                .status())
        .isEqualTo(200);
  }

  // Applications

  @Test
  void givenANewApplication_create_showsItsTokenOnceAndTheTokenAuthenticatesRestCalls() {
    String client = unique("app.");
    Wire.Response created = admin("POST", "/applications", "{\"client_id\":\"" + client + "\"}");

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Map<String, Object> body = created.object();
    assertThat(body).containsKeys("client_id", "access_token", "application_token", "expires_at");
    assertThat(body.get("client_id")).isEqualTo(client);
    assertThat(body.get("expires_at")).isNull();
    String token = (String) body.get("access_token");
    assertThat(token).isNotBlank();

    long id = registerWithToken(minimalBot(null, "adm", "Adm"), token);
    assertThat(list(admin("GET", "/applications", null)))
        .anySatisfy(
            application -> {
              assertThat(application.get("client_id")).isEqualTo(client);
              assertThat(application).doesNotContainKeys("access_token", "application_token");
            });

    Wire.Response removed = admin("DELETE", "/applications/" + client, null);
    assertThat(removed.status()).as("%s", removed).isEqualTo(200);
    assertThat(removed.object())
        .containsEntry("client_id", client)
        .containsEntry("bots_removed", new Json.JsonNumber("1", true));
    assertError(
        wire.get("/rest/imbot.bot.list?auth=" + token),
        401,
        "NO_AUTH_FOUND",
        "Wrong authorization data");
    assertThat(portal.bots().listAll()).noneMatch(bot -> bot.id().value() == id);
    assertAdminError(admin("DELETE", "/applications/" + client, null), 404, "NOT_FOUND");
  }

  @Test
  void givenAChosenTokenAndExpiry_create_usesThemAndAnExpiredTokenAnswersExpiredToken() {
    String client = unique("chosen.");
    String token = "chosen-token-0123456789";
    Wire.Response created =
        admin(
            "POST",
            "/applications",
            Json.write(
                params(
                    "client_id", client,
                    "access_token", token,
                    "expires_at", Instant.now().minusSeconds(5).toString())));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.object().get("access_token")).isEqualTo(token);
    assertError(
        wire.get("/rest/imbot.bot.list?auth=" + token),
        401,
        "expired_token",
        "The access token provided has expired.");
    // Registering again gives the application a new token.
    Wire.Response renewed = admin("POST", "/applications", Json.write(params("client_id", client)));
    assertThat(renewed.status()).isEqualTo(201);
    assertSuccess(wire.get("/rest/imbot.bot.list?auth=" + renewed.object().get("access_token")));
    assertError(
        wire.get("/rest/imbot.bot.list?auth=" + token),
        401,
        "NO_AUTH_FOUND",
        "Wrong authorization data");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"client_id\":\"\"}",
        "{\"client_id\":\"customX\"}",
        "{\"handler_url\":\"ftp://bot.example.com/\"}",
        "{\"client_id\":\"  \"}",
        "{\"client_id\":5}",
        "{\"client_id\":\"short-token\",\"access_token\":\"short\"}",
        "{\"client_id\":\"bad-expiry\",\"expires_at\":\"tomorrow\"}",
        "{\"client_id\":[\"x\"]}"
      })
  void givenAnInvalidApplication_create_answers400(String json) {
    assertAdminError(admin("POST", "/applications", json), 400, "INVALID");
  }

  // Webhooks

  @Test
  void givenAPortalUser_createWebhook_showsItsSecretOnceAndItsPathAuthenticates() {
    Wire.Response created = admin("POST", "/webhooks", "{\"user_id\":1}");

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Map<String, Object> body = created.object();
    assertThat(body).containsKeys("id", "user_id", "created_at", "secret", "path");
    String path = (String) body.get("path");
    assertThat(path).isEqualTo("/rest/1/" + body.get("secret") + "/");
    assertSuccess(wire.get(path + "imbot.bot.list"));
    long id = assertInteger(body.get("id"));
    assertThat(list(admin("GET", "/webhooks", null)))
        .anySatisfy(
            webhook -> {
              assertThat(webhook.get("id")).isEqualTo(body.get("id"));
              assertThat(webhook).doesNotContainKeys("secret", "path");
            });

    Wire.Response deleted = admin("DELETE", "/webhooks/" + id, null);
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    assertError(
        wire.get(path + "imbot.bot.list"), 401, "NO_AUTH_FOUND", "Wrong authorization data");
    assertAdminError(admin("DELETE", "/webhooks/" + id, null), 404, "NOT_FOUND");
  }

  @Test
  void givenAnUnknownUserOrABadId_createWebhook_answers404Or400() {
    assertAdminError(admin("POST", "/webhooks", "{\"user_id\":999999}"), 404, "NOT_FOUND");
    assertAdminError(admin("POST", "/webhooks", "{\"user_id\":\"1\"}"), 400, "INVALID");
    assertAdminError(admin("POST", "/webhooks", "{\"user_id\":1.5}"), 400, "INVALID");
    assertAdminError(admin("POST", "/webhooks", "{}"), 400, "INVALID");
  }

  // Users

  @Test
  void givenANewUser_add_listsItAndItsEmailIsTakenForBots() {
    String email = unique("alice") + "@example.com";
    Wire.Response created =
        admin("POST", "/users", Json.write(params("name", "Alice", "email", email)));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Map<String, Object> user = created.object();
    long id = assertInteger(user.get("id"));
    assertThat(user).containsEntry("name", "Alice").containsEntry("email", email);
    assertThat(list(admin("GET", "/users", null))).anySatisfy(u -> assertThat(u).isEqualTo(user));

    // The user gets a webhook, and no bot can take the user's address.
    Wire.Response webhook = admin("POST", "/webhooks", "{\"user_id\":" + id + "}");
    assertThat(webhook.status()).isEqualTo(201);
    Map<String, Object> bot = minimalBot(unique("users"), "mail", "Mail");
    properties(bot).put("EMAIL", email);
    assertError(
        wire.postForm(webhook.object().get("path") + "imbot.register", PhpQuery.build(bot)),
        400,
        "WRONG_REQUEST",
        "Bot can't be created: e-mail is already in use");

    Wire.Response deleted = admin("DELETE", "/users/" + id, null);
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    assertThat(list(admin("GET", "/users", null))).noneMatch(u -> u.equals(user));
    assertAdminError(admin("DELETE", "/users/" + id, null), 404, "NOT_FOUND");
  }

  @Test
  void givenAPersonsFullProfile_addUser_answersAndListsNameLastNamePositionAndGender() {
    Wire.Response created =
        admin(
            "POST",
            "/users",
            Json.write(
                params(
                    "name", "Анна",
                    "last_name", "Петрова",
                    "work_position", "Главный бухгалтер",
                    "gender", "f")));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Map<String, Object> user = created.object();
    assertThat(user)
        .containsEntry("name", "Анна")
        .containsEntry("last_name", "Петрова")
        .containsEntry("work_position", "Главный бухгалтер")
        .containsEntry("gender", "F")
        .containsEntry("email", null);
    assertThat(list(admin("GET", "/users", null))).anySatisfy(u -> assertThat(u).isEqualTo(user));
  }

  @Test
  void givenANameOnly_addUser_answersTheNewFieldsAsNull() {
    Map<String, Object> user = admin("POST", "/users", Json.write(params("name", "Solo"))).object();

    assertThat(user)
        .containsEntry("name", "Solo")
        .containsEntry("last_name", null)
        .containsEntry("work_position", null)
        .containsEntry("gender", null);
  }

  @Test
  void givenAGenderOtherThanMOrF_addUser_answers400NamingTheField() {
    Wire.Response response =
        admin("POST", "/users", Json.write(params("name", "X", "gender", "unknown")));

    assertAdminError(response, 400, "INVALID");
    assertThat(response.object().get("error_description")).isEqualTo("gender: must be M or F");
  }

  @Test
  void givenALastNameThatIsNotAString_addUser_answers400NamingTheField() {
    Wire.Response response = admin("POST", "/users", "{\"name\":\"X\",\"last_name\":5}");

    assertAdminError(response, 400, "INVALID");
    assertThat(response.object().get("error_description")).isEqualTo("last_name: must be a string");
  }

  @Test
  void givenAnEmailInUse_addUser_answers409() {
    String email = unique("taken") + "@example.com";
    assertThat(admin("POST", "/users", Json.write(params("name", "A", "email", email))).status())
        .isEqualTo(201);
    assertAdminError(
        admin("POST", "/users", Json.write(params("name", "B", "email", email.toUpperCase()))),
        409,
        "CONFLICT");
    Map<String, Object> bot = minimalBot(unique("users"), "botmail", "BotMail");
    String botEmail = unique("botmail") + "@example.com";
    properties(bot).put("EMAIL", botEmail);
    register(webhook(), bot);
    assertAdminError(
        admin("POST", "/users", Json.write(params("name", "C", "email", botEmail))),
        409,
        "CONFLICT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"Bad\",\"email\":\"not-an-address\"}",
        "{\"email\":\"nameless@example.com\"}",
        "{\"name\":\"\"}",
        "{\"name\":7}",
        "{}"
      })
  void givenAnInvalidUser_add_answers400(String json) {
    assertAdminError(admin("POST", "/users", json), 400, "INVALID");
  }

  @Test
  void givenAUserWithoutEmail_add_storesNoEmail() {
    Wire.Response created = admin("POST", "/users", "{\"name\":\"No Mail\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.object()).containsEntry("email", null);
  }

  @Test
  void givenUnknownIds_delete_answers404() {
    assertAdminError(admin("DELETE", "/users/987654", null), 404, "NOT_FOUND");
    assertAdminError(admin("DELETE", "/webhooks/987654", null), 404, "NOT_FOUND");
    assertAdminError(admin("DELETE", "/applications/no-such-app", null), 404, "NOT_FOUND");
  }

  @Test
  void givenMalformedJson_anyAdminPost_answers400() {
    for (String path : List.of("/applications", "/webhooks", "/users")) {
      for (String json : List.of("{bad", "[1,2]", "\"text\"")) {
        Wire.Response response = admin("POST", path, json);
        assertThat(response.status()).as("%s %s", path, response).isEqualTo(400);
        assertThat(response.object()).containsOnlyKeys("error", "error_description");
      }
    }
  }
}
