package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only REST method {@code test.uuid}: answers a value outside the envelope writer's types (a
 * {@link UUID}), so a test can see the controller fall back to the JSON mapper. Present only where
 * a test sets {@code imbot.test.echo-method=true}.
 */
@Singleton
@Requires(property = "imbot.test.echo-method", value = "true")
final class SerdeResultMethod implements BitrixMethod {
  static final String NAME = "test.uuid";
  static final UUID ANSWER = UUID.fromString("5f0c7a5e-9d1b-4c1e-8a9f-0b2e6d7c3a41");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return MethodResult.of(Map.of("id", ANSWER));
  }
}
