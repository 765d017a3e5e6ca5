package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.limit.CallerKey;
import dev.imbot.adapter.rest.limit.OperatingTime;
import dev.imbot.adapter.rest.wire.FormDecoder;
import dev.imbot.adapter.rest.wire.WireParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code batch} method: up to 50 commands {@code key: "method?query"}, run in order with the
 * batch call's own authentication, each able to use an earlier result as {@code $result[key]} or
 * {@code $result[key][field]…} inside its parameters. {@code halt=1} stops at the first failure.
 */
final class Batch {
  static final int MAX_COMMANDS = 50;
  private static final Pattern REFERENCE =
      Pattern.compile("\\$result\\[([^\\]]+)\\]((?:\\[[^\\]]*\\])*)");
  private static final Pattern FIELD = Pattern.compile("\\[([^\\]]*)\\]");

  private final Map<String, BitrixMethod> methods;
  private final Clock clock;
  private final OperatingTime operating;

  Batch(Map<String, BitrixMethod> methods, Clock clock, OperatingTime operating) {
    this.methods = methods;
    this.clock = clock;
    this.operating = operating;
  }

  MethodResult run(BitrixCall call) {
    Map<String, String> commands = commands(call.parameters());
    boolean halt = isTrue(call.parameters().text("HALT"));
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, Object> errors = new LinkedHashMap<>();
    Map<String, Object> totals = new LinkedHashMap<>();
    Map<String, Object> nexts = new LinkedHashMap<>();
    Map<String, Object> times = new LinkedHashMap<>();
    String caller = CallerKey.of(call.caller());
    for (Map.Entry<String, String> command : commands.entrySet()) {
      String key = command.getKey();
      Instant start = clock.instant();
      long began = System.nanoTime();
      try {
        String text = command.getValue();
        int question = text.indexOf('?');
        String name = methodName(question < 0 ? text : text.substring(0, question));
        BitrixMethod method = methods.get(name);
        if (method == null) {
          throw TransportError.methodNotFound();
        }
        WireParameters parameters =
            resolve(FormDecoder.decode(question < 0 ? "" : text.substring(question + 1)), results);
        operating.check(caller, name);
        MethodResult outcome;
        OperatingTime.Usage usage;
        try {
          outcome = method.call(new BitrixCall(call.caller(), parameters.forMethod()));
        } finally {
          usage = operating.record(caller, name, System.nanoTime() - began);
        }
        results.put(key, outcome.result());
        if (outcome.total() != null) {
          totals.put(key, outcome.total());
        }
        if (outcome.next() != null) {
          nexts.put(key, outcome.next());
        }
        times.put(key, BitrixTime.of(start, System.nanoTime() - began, clock.instant(), usage));
      } catch (RuntimeException failure) {
        errors.put(key, BitrixDispatcher.errorBody(BitrixErrors.of(failure)));
        if (halt) {
          break;
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("result", orEmptyList(results));
    result.put("result_error", orEmptyList(errors));
    result.put("result_total", orEmptyList(totals));
    result.put("result_next", orEmptyList(nexts));
    result.put("result_time", orEmptyList(times));
    return MethodResult.of(result);
  }

  /** The commands in order; refuses too many and nested batches before running any. */
  private static Map<String, String> commands(WireParameters parameters) {
    Map<String, Object> cmd = parameters.map("CMD");
    Map<String, String> commands = new LinkedHashMap<>();
    if (cmd == null) {
      return commands;
    }
    if (cmd.size() > MAX_COMMANDS) {
      throw new TransportError(
          400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded (" + MAX_COMMANDS + ")");
    }
    cmd.forEach(
        (key, value) -> {
          String text = WireParameters.asText(value);
          if (text == null) {
            throw TransportError.invalidRequest("cmd[" + key + "] must be \"method?query\"");
          }
          int question = text.indexOf('?');
          if (methodName(question < 0 ? text : text.substring(0, question))
              .equals(BitrixDispatcher.BATCH)) {
            throw new TransportError(
                405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
          }
          commands.put(key, text);
        });
    return commands;
  }

  private static String methodName(String raw) {
    String name = raw.strip().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  /** Replaces {@code $result[...]} references in every value with the earlier results. */
  private static WireParameters resolve(WireParameters parameters, Map<String, Object> results) {
    return new WireParameters(resolveMap(parameters.asMap(), results));
  }

  private static Map<String, Object> resolveMap(
      Map<String, Object> map, Map<String, Object> results) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    map.forEach((key, value) -> resolved.put(key, resolveValue(value, results)));
    return resolved;
  }

  @SuppressWarnings("unchecked")
  private static Object resolveValue(Object value, Map<String, Object> results) {
    if (value instanceof Map<?, ?> map) {
      return resolveMap((Map<String, Object>) map, results);
    }
    String text = (String) value;
    Matcher whole = REFERENCE.matcher(text);
    if (whole.matches()) {
      Object referenced = lookUp(whole, results);
      return referenced instanceof Map<?, ?> ? referenced : scalarText(referenced);
    }
    StringBuilder out = new StringBuilder();
    Matcher part = REFERENCE.matcher(text);
    while (part.find()) {
      part.appendReplacement(out, Matcher.quoteReplacement(scalarText(lookUp(part, results))));
    }
    part.appendTail(out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Object lookUp(Matcher reference, Map<String, Object> results) {
    Object current = results.get(reference.group(1));
    Matcher field = FIELD.matcher(reference.group(2));
    while (current != null && field.find()) {
      current =
          current instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(field.group(1)) : null;
    }
    return current;
  }

  /** A result as PHP would turn it into a string: {@code true} → "1", absent → "". */
  private static String scalarText(Object value) {
    if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
      return "";
    }
    if (value instanceof Boolean flag) {
      return flag ? "1" : "";
    }
    return value.toString();
  }

  private static boolean isTrue(String value) {
    return value != null
        && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("Y"));
  }

  private static Object orEmptyList(Map<String, Object> map) {
    return map.isEmpty() ? List.of() : map;
  }
}
