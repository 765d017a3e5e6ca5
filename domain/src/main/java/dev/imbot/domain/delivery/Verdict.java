package dev.imbot.domain.delivery;

import java.time.Instant;
import java.util.Objects;

/** What becomes of a delivery after an attempt. */
public sealed interface Verdict {
  /** A {@code 2xx}: done. */
  record Delivered() implements Verdict {}

  /** Failed, and tried again at {@code at}. */
  record RetryAt(Instant at) implements Verdict {
    public RetryAt {
      Objects.requireNonNull(at, "at");
    }
  }

  /** Failed for good ({@code 410}, blocked, or the schedule ran out): kept for replay. */
  record Dead(String reason) implements Verdict {
    public Dead {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
