package dev.imbot.adapter.delivery;

import dev.imbot.application.port.in.delivery.DeliverDueEventsCommand;
import dev.imbot.application.port.in.delivery.DeliverDueEventsUseCase;
import dev.imbot.application.port.in.delivery.DeliveryRound;
import dev.imbot.domain.delivery.DueDelivery;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Driving adapter: the delivery worker of one instance. A thread runs rounds of {@link
 * DeliverDueEventsUseCase}: at once again while rounds come back full, otherwise it sleeps until
 * {@link #wake()} (an event was committed in this instance, or an attempt ended and left its slot
 * free) or the poll interval passes (events committed by other instances, retries coming due). A
 * busy host's backlog needs no round: the use case refills its waiting line as its attempts end.
 * Deliveries enqueued in this instance that it {@link #takes} come leased to it from their commit
 * ({@link #handOff}) and need no round either: the thread starts them as they come (decision 180).
 * {@link #close()} stops claiming, lets attempts in flight finish within the grace period, and
 * gives back what it still holds.
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

  /** How soon a round that had to give deliveries back (busy hosts) is retried. */
  private static final Duration BUSY_RETRY = Duration.ofMillis(50);

  private final DeliverDueEventsUseCase useCase;
  private final DeliverDueEventsCommand command;
  private final Duration pollInterval;
  private final Duration shutdownGrace;
  private final Object bell = new Object();
  private boolean rung;
  private boolean handed;
  private final ConcurrentLinkedQueue<DueDelivery> taken = new ConcurrentLinkedQueue<>();
  private volatile boolean running;
  private Thread thread;

  public DeliveryWorker(
      DeliverDueEventsUseCase useCase,
      String workerName,
      int batchSize,
      Duration pollInterval,
      Duration shutdownGrace) {
    this.useCase = useCase;
    this.command = new DeliverDueEventsCommand(workerName, batchSize, this::wake);
    this.pollInterval = pollInterval;
    this.shutdownGrace = shutdownGrace;
  }

  /** The name this worker claims under. */
  public String name() {
    return command.worker();
  }

  /** Starts the worker's thread with a round at once. */
  public void start() {
    start(true);
  }

  /**
   * Starts the worker's thread idle, as after a round that found nothing: its first round comes
   * with the first {@link #wake()} (an event committed here) or after the poll interval. A
   * service's start uses it so that the first round (its first SQL, the statement library's set-up)
   * runs after the first requests rather than beside them (decision 168).
   */
  public void startIdle() {
    start(false);
  }

  private synchronized void start(boolean roundAtOnce) {
    if (thread != null) {
      throw new IllegalStateException("the worker runs already");
    }
    running = true;
    thread = new Thread(() -> loop(roundAtOnce), "imbot-delivery");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a round now: an event was committed, or a slot came free. */
  public void wake() {
    synchronized (bell) {
      rung = true;
      bell.notifyAll();
    }
  }

  /**
   * Whether it takes a delivery to {@code host} enqueued now: leased to it as it is written and
   * {@linkplain #handOff handed} to it at the commit, instead of waiting for a claim.
   */
  public boolean takes(String host) {
    return running && useCase.takesAtEnqueue(host);
  }

  /** A delivery it {@linkplain #takes took} was committed: its thread starts it. */
  public void handOff(DueDelivery delivery) {
    if (!running) {
      // Stopping or stopped: given back at once, never started on the committing thread (a stop
      // may be waiting for the attempts in flight already). It runs after a commit: a failure is
      // logged, not thrown at the caller whose change committed; the lease frees it then.
      try {
        useCase.giveBackTaken(command, List.of(delivery));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "giving back a delivery handed over as the worker stops failed", e);
      }
      return;
    }
    taken.add(delivery);
    synchronized (bell) {
      handed = true;
      bell.notifyAll();
    }
  }

  private void startTaken() {
    List<DueDelivery> batch = new ArrayList<>();
    for (DueDelivery next = taken.poll(); next != null; next = taken.poll()) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      useCase.startTaken(command, batch);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "starting deliveries handed over failed; their leases free them", e);
    }
  }

  /**
   * An event for {@code host} was committed in this instance: a round, unless the host's own
   * backlog refill or its next probe takes it anyway.
   */
  public void wakeFor(String host) {
    if (!useCase.drainsItself(host)) {
      wake();
    }
  }

  private void loop(boolean roundFirst) {
    boolean round = roundFirst;
    long roundAt = System.nanoTime() + pollInterval.toNanos();
    while (running) {
      startTaken();
      try {
        if (round) {
          Duration pause = pollInterval;
          DeliveryRound done = useCase.deliverDue(command);
          if (done.claimed() > done.started()) {
            pause = BUSY_RETRY;
          } else if (done.claimed() > 0 && done.claimed() >= command.batchSize()) {
            continue;
          }
          roundAt = System.nanoTime() + pause.toNanos();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a delivery round failed; trying again after the poll interval", e);
        roundAt = System.nanoTime() + pollInterval.toNanos();
      }
      round = await(roundAt);
    }
  }

  /**
   * Sleeps until a wake-up, a hand-off or {@code roundAt} (nanoTime); answers whether a round is
   * due (a wake-up, or the pause ended): a hand-off alone needs none, and does not put the next
   * poll off.
   */
  private boolean await(long roundAt) {
    synchronized (bell) {
      try {
        while (running && !rung && !handed) {
          long left = roundAt - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(bell, Math.max(left, 1_000_000L));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      boolean round = rung || roundAt - System.nanoTime() <= 0;
      rung = false;
      handed = false;
      return round;
    }
  }

  /** Attempts this worker started, and deliveries it holds for a slot, that have not ended. */
  public int inFlight() {
    return useCase.inFlight();
  }

  /**
   * Stops: claims nothing more, waits up to the grace period for attempts in flight, then gives
   * back every delivery still held so another instance takes it at once.
   */
  @Override
  public void close() {
    Thread worker;
    synchronized (this) {
      worker = thread;
      running = false;
    }
    if (worker == null) {
      return;
    }
    wake();
    try {
      worker.join(shutdownGrace.toMillis());
      useCase.stop().get(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.log(
          Level.WARNING,
          useCase.inFlight()
              + " attempts still in flight after the grace period; giving them back");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.log(Level.WARNING, "an attempt failed while stopping", e);
    } finally {
      useCase.releaseClaims(command.worker());
    }
  }
}
