package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Test-only REST method {@code test.echo}: answers the parameters it was given, so wire tests can
 * see exactly what the decoder made of a request (and that reserved names never reach a method).
 * Present only where a test sets {@code imbot.test.echo-method=true}.
 */
@Singleton
@Requires(property = "imbot.test.echo-method", value = "true")
final class EchoMethod implements BitrixMethod {
  static final String NAME = "test.echo";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return MethodResult.of(call.parameters().asMap());
  }
}
