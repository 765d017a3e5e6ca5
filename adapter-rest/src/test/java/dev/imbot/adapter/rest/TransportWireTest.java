package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertErrorCode;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** transport.md over real HTTP: URLs, encodings, authentication, malformed and oversized bodies. */
@MicronautTest
@Property(name = "imbot.test.echo-method", value = "true")
class TransportWireTest extends WireTest {
  private static final String NOT_FOUND = "Method not found!";
  private static final String WRONG_AUTH = "Wrong authorization data";

  @SuppressWarnings("unchecked")
  private Map<String, Object> echo(Wire.Response response) {
    return (Map<String, Object>) assertSuccess(response);
  }

  @Test
  void givenAResultOutsideTheEnvelopeWritersTypes_call_isStillWrittenByTheJsonMapper() {
    Object result = assertSuccess(wire.get(webhook() + SerdeResultMethod.NAME));

    assertThat(result).isEqualTo(Map.of("id", SerdeResultMethod.ANSWER.toString()));
  }

  // URLs

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imbot.bot.list",
        "IMBOT.BOT.LIST",
        "Imbot.Bot.List",
        "imbot.bot.list.json",
        "IMBOT.BOT.LIST.JSON",
        "imbot.bot.list/",
        "imbot.bot.list.json/",
        "/imbot.bot.list/"
      })
  void givenAnyCaseSuffixOrSlashes_callThroughWebhook_findsTheMethod(String method) {
    String prefix = webhook();
    assertSuccess(wire.get(prefix + method));
    assertSuccess(wire.postForm(prefix + method, ""));
  }

  @Test
  void givenDoubledSlashes_callThroughWebhookOrToken_findsTheMethod() {
    String prefix = webhook();
    String token = applicationToken(unique("slashes"));
    assertSuccess(wire.get(prefix.replace("/rest/", "/rest//") + "/imbot.bot.list"));
    assertSuccess(wire.get(prefix.substring(0, prefix.length() - 1) + "//imbot.bot.list//"));
    assertSuccess(wire.get("/rest//imbot.bot.list/?auth=" + token));
  }

  @Test
  void givenTheMixedCaseRegister_callThroughWebhook_registersTheBot() {
    String client = unique("case");
    long id = register(webhook().replace("/rest/", "/rest/") + "", minimalBot(client, "c", "Case"));
    Wire.Response again =
        wire.postForm(
            webhook() + "IMBOT.Register.JSON/", PhpQuery.build(minimalBot(client, "c", "Case")));
    assertThat(Envelopes.assertInteger(assertSuccess(again))).isEqualTo(id);
  }

  @Test
  void givenSdkQueryParameters_registerThroughWebhook_ignoresThem() {
    String client = unique("sdk");
    Wire.Response response =
        wire.postForm(
            webhook()
                + "imbot.register?bx24_request_id=8f2c1a&bx24_sdk_ver=1.0.3&bx24_sdk_type=b24-js-sdk",
            PhpQuery.build(minimalBot(client, "sdk", "Sdk")));
    Envelopes.assertInteger(assertSuccess(response));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imbot.unknown",
        "user.get",
        "imbot.bot.list.xml",
        "imbot.register.xml",
        "IMBOT.BOT.LIST.XML",
        "imbot.bot.list.json.json",
        "imbot",
        ".json"
      })
  void givenAnUnknownMethodOrTheXmlFormat_callThroughWebhook_answers404MethodNotFound(
      String method) {
    String prefix = webhook();
    assertError(wire.get(prefix + method), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
    assertError(wire.postForm(prefix + method, "a=1"), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
  }

  @Test
  void givenAnUnknownMethod_callWithTokenOrWithoutCredentials_answers404MethodNotFound() {
    String token = applicationToken(unique("unknown"));
    assertError(
        wire.get("/rest/imbot.unknown?auth=" + token), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
    assertError(wire.get("/rest/imbot.unknown"), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
    assertError(wire.get("/rest/imbot.bot.list.xml"), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/rest", "/rest/", "/rest/1/secret", "/rest/1/secret/x/imbot.bot.list"})
  void givenNoMethodInThePath_call_answers404MethodNotFound(String path) {
    assertError(wire.get(path), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
    assertError(wire.postForm(path, ""), 404, "ERROR_METHOD_NOT_FOUND", NOT_FOUND);
  }

  // Authentication

  @Test
  void givenAWrongSecret_callThroughWebhook_answers401WrongAuthorizationData() {
    String prefix = webhook();
    // One character of the secret changed (a secret may end in "x" already: then to "y").
    char last = prefix.charAt(prefix.length() - 2);
    String wrong = prefix.substring(0, prefix.length() - 2) + (last == 'x' ? 'y' : 'x') + "/";
    assertError(wire.get(wrong + "imbot.bot.list"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
  }

  @Test
  void givenAnotherUsersId_callThroughWebhook_answers401WrongAuthorizationData() {
    String prefix = webhook();
    String otherUser = prefix.replace("/rest/1/", "/rest/2/");
    assertError(wire.get(otherUser + "imbot.bot.list"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
    String notANumber = prefix.replace("/rest/1/", "/rest/one/");
    assertError(wire.get(notANumber + "imbot.bot.list"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
    String zero = prefix.replace("/rest/1/", "/rest/0/");
    assertError(wire.get(zero + "imbot.bot.list"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
  }

  @Test
  void givenAnUnknownToken_callInQueryFormOrJson_answers401WrongAuthorizationData() {
    assertError(
        wire.get("/rest/imbot.bot.list?auth=0123456789abcdef0123"),
        401,
        "NO_AUTH_FOUND",
        WRONG_AUTH);
    assertError(
        wire.postForm("/rest/imbot.bot.list", "auth=0123456789abcdef0123"),
        401,
        "NO_AUTH_FOUND",
        WRONG_AUTH);
    assertError(
        wire.postJson("/rest/imbot.bot.list", "{\"auth\":\"0123456789abcdef0123\"}"),
        401,
        "NO_AUTH_FOUND",
        WRONG_AUTH);
  }

  @Test
  void givenAnExpiredToken_call_answers401ExpiredToken() {
    String token = expiredApplicationToken(unique("expired"));
    for (Wire.Response response :
        List.of(
            wire.get("/rest/imbot.bot.list?auth=" + token),
            wire.postForm("/rest/imbot.register", "auth=" + token),
            wire.postJson("/rest/imbot.bot.list", "{\"auth\":\"" + token + "\"}"))) {
      assertError(response, 401, "expired_token", "The access token provided has expired.");
    }
  }

  @Test
  void givenNoCredentials_call_answers401WrongAuthorizationData() {
    assertError(wire.get("/rest/imbot.bot.list"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
    assertError(wire.get("/rest/imbot.bot.list?auth="), 401, "NO_AUTH_FOUND", WRONG_AUTH);
    assertError(
        wire.postForm("/rest/imbot.register", PhpQuery.build(minimalBot("x", "x", "X"))),
        401,
        "NO_AUTH_FOUND",
        WRONG_AUTH);
    assertError(wire.postJson("/rest/batch", "{}"), 401, "NO_AUTH_FOUND", WRONG_AUTH);
  }

  @Test
  void givenAWebhookCallWithoutClientId_register_answers403() {
    assertError(
        wire.postForm(webhook() + "imbot.register", PhpQuery.build(minimalBot(null, "x", "X"))),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
  }

  @Test
  void givenAValidToken_callWithAuthInQueryFormOrJson_authenticates() {
    String token = applicationToken(unique("valid"));
    assertSuccess(wire.get("/rest/imbot.bot.list?auth=" + token));
    assertSuccess(wire.postForm("/rest/imbot.bot.list", "auth=" + token));
    assertSuccess(wire.postJson("/rest/imbot.bot.list", "{\"auth\":\"" + token + "\"}"));
    assertSuccess(wire.get("/rest/imbot.bot.list?AUTH=" + token));
  }

  @Test
  void givenAWebhookCall_anAuthParameter_isNotNeeded() {
    assertSuccess(wire.get(webhook() + "imbot.bot.list?auth=whatever"));
  }

  // Parameters and encodings

  @Test
  void givenPhpBracketSyntax_callWithQueryFormJsonOrMultipart_decodesTheSameTree() {
    String prefix = webhook();
    String form = "a=1&b%5Bc%5D=2&b%5Bd%5D%5Be%5D=3&x%5B%5D=p&x%5B%5D=q&y[0]=r&y[1]=s";
    Map<String, Object> expected =
        params(
            "A", "1",
            "B", params("c", "2", "d", params("e", "3")),
            "X", params("0", "p", "1", "q"),
            "Y", params("0", "r", "1", "s"));
    assertThat(echo(wire.get(prefix + "test.echo?" + form))).isEqualTo(expected);
    assertThat(echo(wire.postForm(prefix + "test.echo", form))).isEqualTo(expected);
    assertThat(
            echo(
                wire.postJson(
                    prefix + "test.echo",
                    "{\"a\":1,\"b\":{\"c\":\"2\",\"d\":{\"e\":3}},\"x\":[\"p\",\"q\"],"
                        + "\"y\":{\"0\":\"r\",\"1\":\"s\"}}")))
        .isEqualTo(expected);
    assertThat(
            echo(
                wire.postMultipart(
                    prefix + "test.echo",
                    List.of(
                        new String[] {"a", "1"},
                        new String[] {"b[c]", "2"},
                        new String[] {"b[d][e]", "3"},
                        new String[] {"x[]", "p"},
                        new String[] {"x[]", "q"},
                        new String[] {"y[0]", "r"},
                        new String[] {"y[1]", "s"}))))
        .isEqualTo(expected);
  }

  @Test
  void givenTopLevelNamesInAnyCase_call_upperCasesThemAndKeepsNestedNames() {
    assertThat(echo(wire.get(webhook() + "test.echo?Code=x&properties[Name]=y")))
        .isEqualTo(params("CODE", "x", "PROPERTIES", params("Name", "y")));
  }

  @Test
  void givenJsonScalars_call_readsThemAsText() {
    assertThat(
            echo(
                wire.postJson(
                    webhook() + "test.echo",
                    "{\"BOT_ID\":39,\"F\":1.5,\"T\":true,\"N\":false,\"Z\":null,\"S\":\"s\"}")))
        .isEqualTo(params("BOT_ID", "39", "F", "1.5", "T", "Y", "N", "N", "S", "s"));
  }

  @Test
  void givenTheSameNameInQueryAndBody_call_takesTheBodyValue() {
    String prefix = webhook();
    assertThat(echo(wire.postForm(prefix + "test.echo?A=query&B=query", "A=body")))
        .isEqualTo(params("A", "body", "B", "query"));
    assertThat(echo(wire.postJson(prefix + "test.echo?A=query&B=query", "{\"a\":\"body\"}")))
        .isEqualTo(params("A", "body", "B", "query"));
    assertThat(
            echo(
                wire.postMultipart(
                    prefix + "test.echo?A=query&B=query",
                    List.<String[]>of(new String[] {"A", "body"}))))
        .isEqualTo(params("A", "body", "B", "query"));
  }

  @Test
  void givenTheSameCodeInQueryAndBody_register_usesTheBodyValue() {
    String client = unique("wins");
    long id =
        Envelopes.assertInteger(
            assertSuccess(
                wire.postForm(
                    webhook() + "imbot.register?CODE=fromquery&CLIENT_ID=" + client,
                    PhpQuery.build(minimalBot(client, "frombody", "Body")))));
    assertThat(
            portal.bots().findById(dev.imbot.domain.bot.BotId.of(id)).orElseThrow().code().value())
        .isEqualTo("frombody");
  }

  @Test
  void givenReservedNames_call_theMethodNeverSeesThem() {
    String prefix = webhook();
    String reserved = "auth=a&start=0&state=s&token=t&Auth=b&START=50&State=x&TOKEN=y&keep=1";
    assertThat(echo(wire.get(prefix + "test.echo?" + reserved))).isEqualTo(params("KEEP", "1"));
    assertThat(echo(wire.postForm(prefix + "test.echo", reserved))).isEqualTo(params("KEEP", "1"));
    assertThat(
            echo(
                wire.postJson(
                    prefix + "test.echo",
                    "{\"auth\":\"a\",\"start\":0,\"state\":{\"x\":1},\"token\":\"t\",\"keep\":\"1\"}")))
        .isEqualTo(params("KEEP", "1"));
  }

  @Test
  void givenAFormBodyWithoutContentType_call_readsItAsAForm() {
    assertThat(
            echo(
                wire.post(
                    webhook() + "test.echo",
                    null,
                    "a=1&b%5Bc%5D=2".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(params("A", "1", "B", params("c", "2")));
  }

  @Test
  void givenContentTypeWithCharsetAndCase_call_recognisesTheEncoding() {
    String prefix = webhook();
    assertThat(
            echo(
                wire.post(
                    prefix + "test.echo",
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    "a=%D0%AF".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(params("A", "Я"));
    assertThat(
            echo(
                wire.post(
                    prefix + "test.echo",
                    "Application/JSON; charset=utf-8",
                    "{\"a\":\"Я\"}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(params("A", "Я"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad", "{\"a\":1", "[1,2]", "\"text\"", "null", "{\"a\":1}}", "{'a':1}"})
  void givenMalformedJson_call_answers400InvalidRequest(String body) {
    assertErrorCode(wire.postJson(webhook() + "imbot.register", body), 400, "INVALID_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%4", "%", "%ff", "%C3%28", "%D0", "%E2%82", "%ED%A0%80"})
  void givenBrokenPercentEncoding_callWithForm_answers400InvalidRequest(String broken) {
    String prefix = webhook();
    for (String form :
        List.of("CODE=" + broken, "CODE=ok&PROPERTIES%5BNAME%5D=" + broken, broken + "=1")) {
      String description =
          assertErrorCode(wire.postForm(prefix + "imbot.register", form), 400, "INVALID_REQUEST");
      assertThat(description).containsIgnoringCase("percent-encoding");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%4", "%", "%ff", "%C3%28"})
  void givenBrokenPercentEncoding_callWithQuery_answers400InvalidRequest(String broken) {
    String prefix = webhook();
    for (String method : List.of("GET", "POST")) {
      assertErrorCode(
          wire.raw(method, prefix + "imbot.bot.list?CODE=" + broken, Wire.FORM, new byte[0]),
          400,
          "INVALID_REQUEST");
    }
  }

  @Test
  void givenAFormBodyThatIsNotUtf8_call_answers400InvalidRequest() {
    byte[] latin1 = "CODE=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertErrorCode(
        wire.post(webhook() + "imbot.register", Wire.FORM, latin1), 400, "INVALID_REQUEST");
  }

  @Test
  void givenABodyOverTenMebibytes_call_answers413WithABitrixError() {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) 'a');
    body[0] = 'x';
    body[1] = '=';
    Wire.Response response = wire.post(webhook() + "imbot.register", Wire.FORM, body);
    assertErrorCode(response, 413, "INVALID_REQUEST");
  }

  @Test
  void givenAChunkedBodyOverTenMebibytes_call_answers413WithABitrixError() {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(body, (byte) 'a');
    assertErrorCode(
        wire.postChunked(webhook() + "imbot.register", Wire.FORM, body), 413, "INVALID_REQUEST");
  }

  @Test
  void givenAChunkedForm_call_readsIt() {
    assertThat(
            echo(
                wire.postChunked(
                    webhook() + "test.echo",
                    Wire.FORM,
                    "a=1&b%5Bc%5D=2".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(params("A", "1", "B", params("c", "2")));
  }

  @Test
  void givenABodyJustUnderTenMebibytes_call_isRead() {
    byte[] body = new byte[10 * 1024 * 1024 - 100];
    Arrays.fill(body, (byte) 'a');
    byte[] head = "keep=1&x=".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    Map<String, Object> echoed = echo(wire.post(webhook() + "test.echo", Wire.FORM, body));
    assertThat(echoed).containsEntry("KEEP", "1");
    assertThat((String) echoed.get("X")).hasSize(body.length - head.length);
  }

  @Test
  void givenEveryKindOfAnswer_call_saysJsonInUtf8() {
    String prefix = webhook();
    for (Wire.Response response :
        List.of(
            wire.get(prefix + "imbot.bot.list"),
            wire.get(prefix + "imbot.nothing"),
            wire.get("/rest/imbot.bot.list"),
            wire.postJson(prefix + "imbot.register", "{"),
            wire.postForm(prefix + "imbot.register", "CLIENT_ID=x"),
            wire.postForm(prefix + "batch", "cmd[a]=imbot.bot.list"))) {
      assertThat(response.contentType()).as("%s", response).isEqualTo(Wire.JSON_UTF8);
    }
  }

  @Test
  void givenUtf8Text_register_answersAndStoresItUnchanged() {
    String client = unique("utf8");
    Map<String, Object> bot = minimalBot(client, "бот-😀", "Имя 😀 名前");
    long id = register(webhook(), bot);
    assertThat(
            portal
                .bots()
                .findById(dev.imbot.domain.bot.BotId.of(id))
                .orElseThrow()
                .profile()
                .name())
        .isEqualTo("Имя 😀 名前");
  }

  // What the HTTP server answers itself, still in Bitrix's shape

  @ParameterizedTest
  @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary="})
  void givenAMultipartBodyWithoutItsBoundary_call_answers400InvalidRequest(String contentType) {
    byte[] body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"CODE\"\r\n\r\nx\r\n--XyZ--\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertErrorCode(
        wire.post(webhook() + "imbot.register", contentType, body), 400, "INVALID_REQUEST");
  }

  @Test
  void givenAQueryStringOverTheServersLineLimit_call_answers413InBitrixShape() {
    String query = "CODE=" + "x".repeat(10_000);
    assertErrorCode(
        wire.raw("GET", webhook() + "imbot.bot.list?" + query, null, null), 413, "INVALID_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
  void givenAnotherHttpMethod_call_answers405InBitrixShape(String method) {
    assertErrorCode(
        wire.send(
            method,
            webhook() + "imbot.bot.list",
            "a=1".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            Wire.FORM),
        405,
        "INVALID_REQUEST");
  }

  @Test
  void givenAPathOutsideTheRestSurface_call_answers404InBitrixShape() {
    assertErrorCode(wire.get("/nothing/here"), 404, "NOT_FOUND");
  }

  @Test
  void givenHugeJsonNumbers_call_readsThemWithoutExpandingThem() {
    Map<String, Object> echoed =
        echo(
            wire.postJson(
                webhook() + "test.echo",
                "{\"A\":1e999999999,\"B\":39.0,\"C\":-0.50,\"D\":123456789012345678901234567890}"));
    assertThat(echoed)
        .isEqualTo(
            params(
                "A",
                "1E+999999999",
                "B",
                "39",
                "C",
                "-0.5",
                "D",
                "123456789012345678901234567890"));
  }

  @Test
  void givenJsonNestedDeeperThanThirtyTwo_call_answers400InvalidRequest() {
    String deep = "{\"A\":" + "[".repeat(40) + "]".repeat(40) + "}";
    String description =
        assertErrorCode(wire.postJson(webhook() + "test.echo", deep), 400, "INVALID_REQUEST");
    assertThat(description).contains("nested deeper than 32");
    String veryDeep = "{\"A\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertErrorCode(wire.postJson(webhook() + "test.echo", veryDeep), 400, "INVALID_REQUEST");
  }
}
