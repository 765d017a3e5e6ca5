package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.BitrixTime;
import dev.imbot.adapter.rest.MethodResult;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * REST method {@code server.time}: the server's current time as an ISO-8601 date with offset, as
 * Bitrix24 answers it. The JS SDK calls it on its own to check that the portal answers.
 */
@Singleton
public final class ServerTimeMethod implements BitrixMethod {
  private final Clock clock;

  public ServerTimeMethod(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "server.time";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return MethodResult.of(BitrixTime.date(clock.instant()));
  }
}
