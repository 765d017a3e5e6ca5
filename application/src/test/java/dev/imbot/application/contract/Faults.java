package dev.imbot.application.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Failure injection for the decorated ports ({@link FaultyBots}, {@link
 * FaultyApplicationHandlers}): records every call in order and throws on the calls a test chose,
 * before the call reaches the real port.
 */
public final class Faults {

  /** The port calls a test can make fail. */
  public enum Call {
    BOTS_LOCK_APPLICATION,
    BOTS_SAVE,
    BOTS_DELETE,
    BOTS_FIND_BY_ID,
    BOTS_LIST_ALL,
    HANDLERS_BINDINGS_OF,
    HANDLERS_BINDING_FOR,
    HANDLERS_REPLACE,
    HANDLERS_REMOVE_ALL,
    HANDLERS_BIND_COMMAND_HANDLER,
    HANDLERS_COMMAND_HANDLER_OF
  }

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<Call, Plan> plans = Collections.synchronizedMap(new EnumMap<>(Call.class));

  /** Makes the next {@code times} calls of {@code call} throw what {@code failure} supplies. */
  public Faults fail(Call call, int times, Supplier<? extends RuntimeException> failure) {
    plans.put(call, new Plan(times, failure));
    return this;
  }

  /** Makes every call of {@code call} throw what {@code failure} supplies. */
  public Faults failAlways(Call call, Supplier<? extends RuntimeException> failure) {
    return fail(call, Integer.MAX_VALUE, failure);
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** How often {@code call} was made. */
  public long count(Call call) {
    return calls().stream().filter(call::equals).count();
  }

  void enter(Call call) {
    calls.add(call);
    Plan plan = plans.get(call);
    if (plan != null) {
      plan.maybeFail();
    }
  }

  private static final class Plan {
    private int remaining;
    private final Supplier<? extends RuntimeException> failure;

    Plan(int times, Supplier<? extends RuntimeException> failure) {
      this.remaining = times;
      this.failure = failure;
    }

    synchronized void maybeFail() {
      if (remaining > 0) {
        remaining--;
        throw failure.get();
      }
    }
  }
}
