package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertErrorCode;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.Envelopes.assertTime;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code batch} method over the wire, its commands encoded as CRest encodes them. */
@MicronautTest
class BatchWireTest extends WireTest {
  private static final List<String> RESULT_KEYS =
      List.of("result", "result_error", "result_total", "result_next", "result_time");

  private String prefix;
  private String client;

  @BeforeEach
  void credentials() {
    prefix = webhook();
    client = unique("batch");
  }

  /** A command as CRest's {@code callBatch} makes it: {@code method?http_build_query(params)}. */
  private static String command(String method, Map<String, Object> parameters) {
    return method + "?" + PhpQuery.build(parameters);
  }

  private Wire.Response batch(Map<String, Object> commands, Object halt) {
    return wire.postForm(prefix + "batch", PhpQuery.build(params("halt", halt, "cmd", commands)));
  }

  /** Asserts the batch result's five maps and returns them by name. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> batchResult(Wire.Response response) {
    Object result = assertSuccess(response);
    assertThat(result).isInstanceOf(Map.class);
    Map<String, Object> parts = (Map<String, Object>) result;
    assertThat(List.copyOf(parts.keySet())).containsExactlyElementsOf(RESULT_KEYS);
    for (String key : RESULT_KEYS) {
      // An empty map is serialised as [] (PHP's empty array).
      assertThat(parts.get(key))
          .as(key)
          .satisfiesAnyOf(
              value -> assertThat(value).isEqualTo(List.of()),
              value ->
                  assertThat(value)
                      .isInstanceOf(Map.class)
                      .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                      .isNotEmpty());
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @Test
  void givenRegisterAndList_batch_answersBothResultsWithTimesAndEmptyMapsAsArrays() {
    Map<String, Object> commands =
        params(
            "a",
            command("imbot.register", minimalBot(client, "batched", "Batched")),
            "b",
            "imbot.bot.list");

    Map<String, Object> parts = batchResult(batch(commands, 0));

    Map<String, Object> results = map(parts.get("result"));
    assertThat(results).containsOnlyKeys("a", "b");
    long id = assertInteger(results.get("a"));
    assertThat(map(results.get("b"))).containsKey(Long.toString(id));
    assertThat(parts.get("result_error")).isEqualTo(List.of());
    assertThat(parts.get("result_total")).isEqualTo(List.of());
    assertThat(parts.get("result_next")).isEqualTo(List.of());
    Map<String, Object> times = map(parts.get("result_time"));
    assertThat(times).containsOnlyKeys("a", "b");
    times.values().forEach(Envelopes::assertTime);
  }

  @Test
  void givenAResultReferenceAsCrestEncodesIt_batch_usesTheEarlierResult() {
    Map<String, Object> commands =
        params(
            "a", command("imbot.register", minimalBot(client, "ref", "Ref")),
            "b",
                command(
                    "imbot.update",
                    params(
                        "CLIENT_ID",
                        client,
                        "BOT_ID",
                        "$result[a]",
                        "FIELDS",
                        params(
                            "PROPERTIES",
                            params("WORK_POSITION", "bot $result[a] of $result[missing]")))),
            "c", command("imbot.register", minimalBot(client, "gone", "Gone")),
            "d", command("imbot.unregister", params("CLIENT_ID", client, "BOT_ID", "$result[c]")));
    String form = PhpQuery.build(params("halt", 1, "cmd", commands));
    // The reference is percent-encoded twice: in the command's query, then in the batch's form.
    assertThat(form).contains("BOT_ID%3D%2524result%255Ba%255D");

    Map<String, Object> parts = batchResult(wire.postForm(prefix + "batch", form));

    Map<String, Object> results = map(parts.get("result"));
    long id = assertInteger(results.get("a"));
    long gone = assertInteger(results.get("c"));
    assertThat(results.get("b")).isEqualTo(Boolean.TRUE);
    assertThat(results.get("d")).isEqualTo(Boolean.TRUE);
    assertThat(parts.get("result_error")).isEqualTo(List.of());
    assertThat(portal.bots().findById(BotId.of(id)).orElseThrow().profile().workPosition())
        .isEqualTo("bot " + id + " of");
    assertThat(portal.bots().findById(BotId.of(gone))).isEmpty();
  }

  @Test
  void givenANestedFieldReference_batch_resolvesTheField() {
    long id = register(prefix, minimalBot(client, "nested", "Nested"));
    Map<String, Object> commands =
        params(
            "list",
            "imbot.bot.list",
            "copy",
            command(
                "imbot.update",
                params(
                    "CLIENT_ID",
                    client,
                    "BOT_ID",
                    "$result[list][" + id + "][ID]",
                    "FIELDS",
                    params(
                        "PROPERTIES",
                        params("WORK_POSITION", "was $result[list][" + id + "][CODE]")))));
    Map<String, Object> parts = batchResult(batch(commands, 1));
    assertThat(map(parts.get("result")).get("copy")).isEqualTo(Boolean.TRUE);
    assertThat(portal.bots().findById(BotId.of(id)).orElseThrow().profile().workPosition())
        .isEqualTo("was nested");
  }

  private Map<String, Object> failingInTheMiddle() {
    return params(
        "first", command("imbot.register", minimalBot(client, "first", "First")),
        "fails", command("imbot.unregister", params("CLIENT_ID", client, "BOT_ID", "0")),
        "third", command("imbot.register", minimalBot(client, "third", "Third")));
  }

  @Test
  void givenHaltOne_batch_stopsAtTheFirstFailure() {
    Map<String, Object> parts = batchResult(batch(failingInTheMiddle(), 1));

    assertThat(map(parts.get("result"))).containsOnlyKeys("first");
    assertThat(map(parts.get("result_error")))
        .containsOnlyKeys("fails")
        .containsEntry(
            "fails", params("error", "BOT_ID_ERROR", "error_description", "Bot not found"));
    assertThat(map(parts.get("result_time"))).containsOnlyKeys("first");
    assertThat(portal.bots().listAll())
        .noneMatch(
            bot ->
                bot.code().value().equals("third")
                    && bot.application().value().equals("custom" + client));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "<absent>"})
  void givenHaltZeroOrNoHalt_batch_runsEveryCommand(String halt) {
    Map<String, Object> request = params("cmd", failingInTheMiddle());
    if (!halt.equals("<absent>")) {
      request.put("halt", halt);
    }
    Map<String, Object> parts =
        batchResult(wire.postForm(prefix + "batch", PhpQuery.build(request)));

    assertThat(map(parts.get("result"))).containsOnlyKeys("first", "third");
    assertThat(map(parts.get("result_error"))).containsOnlyKeys("fails");
    assertInteger(map(parts.get("result")).get("third"));
  }

  @Test
  void givenOnlyFailures_batch_answers200WithAnEmptyResult() {
    Map<String, Object> commands =
        params(
            "unknown", "imbot.nothing?x=1",
            "noclient", command("imbot.register", minimalBot(null, "x", "X")),
            "broken", "imbot.register?CODE=%zz",
            "xml", "imbot.bot.list.xml");
    Map<String, Object> parts = batchResult(batch(commands, 0));

    assertThat(parts.get("result")).isEqualTo(List.of());
    assertThat(parts.get("result_time")).isEqualTo(List.of());
    Map<String, Object> errors = map(parts.get("result_error"));
    assertThat(errors.get("unknown"))
        .isEqualTo(
            params("error", "ERROR_METHOD_NOT_FOUND", "error_description", "Method not found!"));
    assertThat(errors.get("xml"))
        .isEqualTo(
            params("error", "ERROR_METHOD_NOT_FOUND", "error_description", "Method not found!"));
    assertThat(errors.get("noclient"))
        .isEqualTo(
            params(
                "error", "ACCESS_DENIED",
                "error_description", "Access denied! Client ID not specified"));
    assertThat(map(errors.get("broken")).get("error")).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void givenFiftyOneCommands_batch_answers400LengthExceededAndRunsNone() {
    Map<String, Object> commands = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      commands.put("c" + i, command("imbot.register", minimalBot(client, "c" + i, "C")));
    }
    assertErrorCode(batch(commands, 0), 400, "ERROR_BATCH_LENGTH_EXCEEDED");
    assertThat(portal.bots().listAll())
        .noneMatch(bot -> bot.application().value().equals("custom" + client));
  }

  @Test
  void givenFiftyCommands_batch_runsThemAll() {
    Map<String, Object> commands = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      commands.put("c" + i, "imbot.bot.list");
    }
    assertThat(map(batchResult(batch(commands, 0)).get("result"))).hasSize(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"batch", "BATCH", "batch.json", "Batch?cmd[x]=imbot.bot.list"})
  void givenABatchInsideTheBatch_batch_answers405BeforeRunningAnything(String nested) {
    Map<String, Object> commands =
        params("a", command("imbot.register", minimalBot(client, "before", "Before")), "b", nested);
    assertError(
        batch(commands, 0),
        405,
        "ERROR_BATCH_METHOD_NOT_ALLOWED",
        "Method is not allowed for batch usage");
    assertThat(portal.bots().listAll())
        .noneMatch(bot -> bot.application().value().equals("custom" + client));
  }

  @Test
  void givenJsonWithCmdAsAnObject_batch_runsTheCommands() {
    String json =
        Json.write(
            params(
                "halt",
                0,
                "cmd",
                params(
                    "reg",
                    command("imbot.register", minimalBot(client, "json", "Json")),
                    "list",
                    "imbot.bot.list")));
    Map<String, Object> results =
        map(batchResult(wire.postJson(prefix + "batch", json)).get("result"));
    assertThat(results).containsOnlyKeys("reg", "list");
    assertInteger(results.get("reg"));
  }

  @Test
  void givenJsonWithCmdAsAList_batch_keysTheResultsByIndex() {
    List<Object> commands = new ArrayList<>();
    commands.add(command("imbot.register", minimalBot(client, "listed", "Listed")));
    commands.add(command("imbot.unregister", params("CLIENT_ID", client, "BOT_ID", "$result[0]")));
    Map<String, Object> parts =
        batchResult(
            wire.postJson(
                prefix + "batch.json", Json.write(params("halt", true, "cmd", commands))));
    Map<String, Object> results = map(parts.get("result"));
    assertThat(results).containsOnlyKeys("0", "1");
    assertInteger(results.get("0"));
    assertThat(results.get("1")).isEqualTo(Boolean.TRUE);
  }

  @Test
  void givenATokenCallAsAGetQuery_batch_runsEachCommandAsTheApplication() {
    String token = applicationToken(client);
    String query =
        PhpQuery.build(
            params(
                "auth",
                token,
                "cmd",
                params(
                    "reg", command("imbot.register", minimalBot(null, "tok", "Tok")),
                    // auth inside a command is reserved, so it cannot switch identities.
                    "again",
                        command(
                            "imbot.register",
                            params(
                                "auth",
                                "someone-else",
                                "CODE",
                                "tok",
                                "EVENT_HANDLER",
                                HANDLER,
                                "PROPERTIES",
                                params("NAME", "Tok"))))));
    Map<String, Object> results = map(batchResult(wire.get("/rest/batch?" + query)).get("result"));
    long id = assertInteger(results.get("reg"));
    assertThat(assertInteger(results.get("again"))).isEqualTo(id);
    assertThat(portal.bots().findById(BotId.of(id)).orElseThrow().application().value())
        .isEqualTo(client);
  }

  @Test
  void givenNoCommands_batch_answersEmptyMaps() {
    Map<String, Object> parts = batchResult(wire.postForm(prefix + "batch", "halt=0"));
    for (String key : RESULT_KEYS) {
      assertThat(parts.get(key)).isEqualTo(List.of());
    }
  }

  @Test
  void givenABatchTime_batch_hasItsOwnSixFieldTime() {
    Wire.Response response = batch(params("a", "imbot.bot.list"), 0);
    assertSuccess(response);
    assertTime(response.object().get("time"));
  }
}
