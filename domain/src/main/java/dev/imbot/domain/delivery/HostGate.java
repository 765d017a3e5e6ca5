package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Isolation between handlers: at most {@code perHost} exchanges in flight per handler host and
 * {@code total} in all, so a slow or black-holed handler holds only its own slots. Attempts whose
 * exchange ended wait for their outcome to be stored, many to a write; at most {@link
 * #OUTCOMES_PER_SLOT} times {@code total} attempts are started and not yet stored, so a slow
 * database holds attempts back instead of piling outcomes up in memory. A host whose last {@code
 * failureThreshold} attempts all failed is failing: it gets one probe at a time, the first after 30
 * s, then backing off (doubling) to 5 min, until a success closes the circuit. Thread-safe; time
 * comes in from the caller.
 */
public final class HostGate {
  /** The first wait before probing a failing host. */
  public static final Duration FIRST_PROBE = Duration.ofSeconds(30);

  /** The longest wait between probes. */
  public static final Duration LONGEST_PROBE = Duration.ofMinutes(5);

  /**
   * Attempts started and not yet stored, per slot in all. More than one: while one write stores the
   * outcomes that ended during the last one, exchanges go on (decision 166); sixteen, so that a
   * write slowed down by the machine's other work (a few tens of milliseconds on two busy cores)
   * does not stop a fast host's exchanges (decision 187).
   */
  public static final int OUTCOMES_PER_SLOT = 16;

  /** What the gate knows of one host. */
  public record HostState(
      String host, int inFlight, int consecutiveFailures, boolean failing, Instant nextProbeAt) {}

  private static final class Host {
    int inFlight;
    int consecutiveFailures;
    boolean probing;
    Instant nextProbeAt;
    Duration probeWait = FIRST_PROBE;
  }

  private final int perHost;
  private final int total;
  private final int failureThreshold;
  private final Map<String, Host> hosts = new HashMap<>();
  // Exchanges in flight, and attempts started whose outcome is not stored yet (those included).
  private int exchanging;
  private int unstored;

  public HostGate(int perHost, int total, int failureThreshold) {
    if (perHost < 1 || total < 1 || failureThreshold < 1) {
      throw new IllegalArgumentException("in-flight caps and the failure threshold are positive");
    }
    this.perHost = perHost;
    this.total = total;
    this.failureThreshold = failureThreshold;
  }

  /** The most attempts in flight to one host. */
  public int perHost() {
    return perHost;
  }

  /** The most attempts in flight in all. */
  public int total() {
    return total;
  }

  /** The most attempts started and not yet stored: {@link #OUTCOMES_PER_SLOT} per slot in all. */
  public int maxUnstored() {
    return OUTCOMES_PER_SLOT * total;
  }

  /** Attempts that may start now, as far as the caps in all go. */
  public synchronized int freeSlots() {
    return Math.min(total - exchanging, maxUnstored() - unstored);
  }

  /** Attempts in flight in all: exchanging, or storing their outcome. */
  public synchronized int inFlight() {
    return unstored;
  }

  /**
   * Takes a slot for an attempt to {@code host} at {@code now}, or refuses: all slots taken, the
   * host's slots taken, or the host failing and its probe not due (or already in flight).
   */
  public synchronized boolean tryAcquire(String host, Instant now) {
    if (exchanging >= total || unstored >= maxUnstored()) {
      return false;
    }
    Host state = hosts.computeIfAbsent(host, h -> new Host());
    if (state.inFlight >= perHost) {
      return false;
    }
    if (failing(state)) {
      if (state.probing || now.isBefore(state.nextProbeAt)) {
        return false;
      }
      state.probing = true;
    }
    state.inFlight++;
    exchanging++;
    unstored++;
    return true;
  }

  /**
   * The exchange with {@code host} ended, with how it went: the host's slot and the slot in all are
   * free for the next attempts while this one's outcome is being stored; it counts against the
   * attempts not yet stored until {@link #attemptStored()}. Answers whether every slot in all was
   * taken until now (attempts to other hosts may wait for the one just freed).
   */
  public synchronized boolean exchangeEnded(String host, boolean succeeded, Instant now) {
    boolean allWereTaken = exchanging >= total;
    Host state = hosts.get(host);
    if (state == null || state.inFlight == 0) {
      throw new IllegalStateException("no attempt in flight to " + host);
    }
    state.inFlight--;
    exchanging--;
    boolean wasProbe = state.probing;
    state.probing = false;
    if (succeeded) {
      state.consecutiveFailures = 0;
      state.nextProbeAt = null;
      state.probeWait = FIRST_PROBE;
    } else {
      state.consecutiveFailures++;
      if (wasProbe) {
        state.probeWait = min(state.probeWait.multipliedBy(2), LONGEST_PROBE);
        state.nextProbeAt = now.plus(state.probeWait);
      } else if (state.consecutiveFailures == failureThreshold) {
        state.nextProbeAt = now.plus(FIRST_PROBE);
      }
    }
    if (state.inFlight == 0 && state.consecutiveFailures == 0) {
      hosts.remove(host);
    }
    return allWereTaken;
  }

  /** An attempt whose exchange ended has its outcome stored: it no longer counts as unstored. */
  public synchronized void attemptStored() {
    if (unstored == exchanging) {
      throw new IllegalStateException("no attempt waits for its outcome to be stored");
    }
    unstored--;
  }

  /** Exchanges in flight with {@code host}. */
  public synchronized int inFlight(String host) {
    Host state = hosts.get(host);
    return state == null ? 0 : state.inFlight;
  }

  /**
   * The hosts no attempt can start to at {@code now}: all their slots taken, or failing with no
   * probe due (or one in flight).
   */
  public synchronized java.util.Set<String> closedHosts(Instant now) {
    java.util.Set<String> closed = new java.util.HashSet<>();
    hosts.forEach(
        (name, h) -> {
          if (closed(h, now)) {
            closed.add(name);
          }
        });
    return closed;
  }

  /** Whether no attempt to {@code host} can start now (see {@link #closedHosts}). */
  public synchronized boolean closed(String host, Instant now) {
    Host h = hosts.get(host);
    return h != null && closed(h, now);
  }

  private boolean closed(Host h, Instant now) {
    return h.inFlight >= perHost || (failing(h) && (h.probing || now.isBefore(h.nextProbeAt)));
  }

  /** When a failing host's next probe is due; empty when the host is not failing. */
  public synchronized Optional<Instant> nextProbeAt(String host) {
    Host state = hosts.get(host);
    return state != null && failing(state) ? Optional.of(state.nextProbeAt) : Optional.empty();
  }

  /** Every host the gate tracks (in flight or with failures). */
  public synchronized List<HostState> hosts() {
    List<HostState> states = new ArrayList<>();
    hosts.forEach(
        (name, h) ->
            states.add(
                new HostState(name, h.inFlight, h.consecutiveFailures, failing(h), h.nextProbeAt)));
    return states;
  }

  /** How many hosts are failing. */
  public synchronized int failingHosts() {
    return (int) hosts.values().stream().filter(this::failing).count();
  }

  private boolean failing(Host state) {
    return state.consecutiveFailures >= failureThreshold;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
