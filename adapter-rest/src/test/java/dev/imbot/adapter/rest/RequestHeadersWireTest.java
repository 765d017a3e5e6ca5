package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request headers that describe the body or the answer wrongly or unusually, over real HTTP: a body
 * whose declared encoding is a lie is a malformed request ({@code 400 INVALID_REQUEST}) on every
 * route, a truly compressed body works, and {@code Accept} never changes what is answered (JSON, as
 * Bitrix24 does).
 */
@MicronautTest
@Property(name = "imbot.admin.token", value = RequestHeadersWireTest.ADMIN_TOKEN)
class RequestHeadersWireTest extends WireTest {
  static final String ADMIN_TOKEN = "admin-token-for-header-tests-0123";

  private static final String JSON = "Content-Type: application/json";

  // Declared encodings

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "x-gzip"})
  void givenBodyNotEncodedAsItsContentEncodingSays_register_answers400NamingTheEncoding(
      String encoding) {
    byte[] body = "{\"CODE\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            webhook() + "imbot.register.json",
            List.of(JSON, "Content-Encoding: " + encoding, "Content-Length: " + body.length),
            body);

    assertMalformedEncoding(response);
  }

  @Test
  void givenFormBodyDeclaredGzip_register_answers400NamingTheEncoding() {
    byte[] body =
        PhpQuery.build(minimalBot(unique("app"), "plain", "Plain"))
            .getBytes(StandardCharsets.UTF_8);

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            webhook() + "imbot.register",
            List.of(
                "Content-Type: " + Wire.FORM,
                "Content-Encoding: gzip",
                "Content-Length: " + body.length),
            body);

    assertMalformedEncoding(response);
  }

  @Test
  void givenChunkedBodyDeclaredGzipInTransferEncoding_register_answers400NamingTheEncoding() {
    byte[] body = "{\"CODE\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            webhook() + "imbot.register.json",
            List.of(JSON, "Transfer-Encoding: gzip, chunked"),
            Wire.chunked(body));

    assertMalformedEncoding(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate"})
  void givenAdminBodyNotEncodedAsDeclared_addUser_answers400InTheAdminShape(String encoding) {
    byte[] body = "{\"name\":\"Operator\"}".getBytes(StandardCharsets.UTF_8);

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            "/admin/v1/users",
            List.of(
                JSON,
                "Authorization: Bearer " + ADMIN_TOKEN,
                "Content-Encoding: " + encoding,
                "Content-Length: " + body.length),
            body);

    assertMalformedEncoding(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate"})
  void givenTrulyCompressedJsonBody_register_registersTheBot(String encoding) {
    String code = unique("compressed");
    byte[] body = compress(encoding, Json.write(minimalBot(unique("app"), code, "Packed")));
    String prefix = webhook();

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            prefix + "imbot.register.json",
            List.of(JSON, "Content-Encoding: " + encoding, "Content-Length: " + body.length),
            body);

    long id = assertInteger(assertSuccess(response));
    @SuppressWarnings("unchecked")
    Map<String, Object> listed =
        (Map<String, Object>) assertSuccess(wire.get(prefix + "imbot.bot.list"));
    assertThat(listed.get(Long.toString(id)).toString()).contains("CODE=" + code);
  }

  @Test
  void givenTrulyGzippedChunkedFormBody_register_registersTheBot() {
    String code = unique("chunkedgzip");
    byte[] body = compress("gzip", PhpQuery.build(minimalBot(unique("app"), code, "Packed")));

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            webhook() + "imbot.register",
            List.of("Content-Type: " + Wire.FORM, "Transfer-Encoding: gzip, chunked"),
            Wire.chunked(body));

    assertInteger(assertSuccess(response));
  }

  @Test
  void givenTrulyGzippedAdminBody_addUser_addsThePerson() {
    byte[] body = compress("gzip", "{\"name\":\"Packed Operator\"}");

    Wire.Response response =
        wire.rawWithHeaders(
            "POST",
            "/admin/v1/users",
            List.of(
                JSON,
                "Authorization: Bearer " + ADMIN_TOKEN,
                "Content-Encoding: gzip",
                "Content-Length: " + body.length),
            body);

    assertThat(response.status()).as("%s", response).isEqualTo(201);
    assertThat(response.object()).containsEntry("name", "Packed Operator");
  }

  // Accept

  @ParameterizedTest
  @ValueSource(
      strings = {"application/xml", "text/html", "text/plain", "image/png", "application/x-php"})
  void givenAcceptWithoutJson_restMethod_stillAnswersJson(String accept) {
    Wire.Response list = wire.send("GET", webhook() + "imbot.bot.list", null, "Accept", accept);
    Wire.Response form =
        wire.send(
            "POST",
            webhook() + "imbot.register",
            PhpQuery.build(minimalBot(unique("app"), unique("accept"), "Accepting"))
                .getBytes(StandardCharsets.UTF_8),
            "Accept",
            accept,
            "Content-Type",
            Wire.FORM);
    Wire.Response unknown = wire.send("GET", webhook() + "no.such.method", null, "Accept", accept);

    assertThat(list.contentType()).isEqualTo(Wire.JSON_UTF8);
    assertSuccess(list);
    assertInteger(assertSuccess(form));
    Envelopes.assertError(unknown, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/xml", "text/html"})
  void givenAcceptWithoutJson_adminAndHealth_stillAnswerJson(String accept) {
    Wire.Response users =
        wire.send(
            "GET",
            "/admin/v1/users",
            null,
            "Accept",
            accept,
            "Authorization",
            "Bearer " + ADMIN_TOKEN);
    Wire.Response health = wire.send("GET", "/health", null, "Accept", accept);

    assertThat(users.status()).as("%s", users).isEqualTo(200);
    assertThat(users.contentType()).startsWith("application/json");
    assertThat(users.json()).isInstanceOf(List.class);
    assertThat(health.status()).as("%s", health).isEqualTo(200);
    assertThat(health.object()).isEqualTo(Map.of("status", "UP"));
  }

  private static void assertMalformedEncoding(Wire.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo(Wire.JSON_UTF8);
    Map<String, Object> body = response.object();
    assertThat(body).containsOnlyKeys("error", "error_description");
    assertThat(body.get("error")).isEqualTo("INVALID_REQUEST");
    assertThat((String) body.get("error_description"))
        .contains("not encoded as its Content-Encoding or Transfer-Encoding header declares");
  }

  static byte[] compress(String encoding, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out =
        encoding.equals("gzip") ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
