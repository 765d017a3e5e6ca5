package dev.imbot.adapter.rest;

/**
 * What a method answers: the {@code result} value (JSON-ready: maps, lists, strings, numbers,
 * booleans) and, for list methods, {@code total} and {@code next}.
 */
public record MethodResult(Object result, Integer total, Integer next) {

  public static MethodResult of(Object result) {
    return new MethodResult(result, null, null);
  }
}
