package dev.imbot.adapter.delivery;

import dev.imbot.application.port.in.delivery.DeliverDueEventsCommand;
import dev.imbot.application.port.in.delivery.DeliverDueEventsUseCase;
import dev.imbot.application.port.in.delivery.DeliveryRound;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Driving adapter: the delivery worker of one instance. A thread runs rounds of {@link
 * DeliverDueEventsUseCase}: at once again while rounds come back full, otherwise it sleeps until
 * {@link #wake()} (an event was committed in this instance, or an attempt ended and left its slot
 * free) or the poll interval passes (events committed by other instances, retries coming due). A
 * busy host's backlog needs no round: the use case refills its waiting line as its attempts end.
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
    thread =
        new Thread(
            () -> {
              if (!roundAtOnce) {
                await(pollInterval);
              }
              loop();
            },
            "imbot-delivery");
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
   * An event for {@code host} was committed in this instance: a round, unless the host's own
   * backlog refill or its next probe takes it anyway.
   */
  public void wakeFor(String host) {
    if (!useCase.drainsItself(host)) {
      wake();
    }
  }

  private void loop() {
    while (running) {
      Duration pause = pollInterval;
      try {
        DeliveryRound round = useCase.deliverDue(command);
        if (round.claimed() > round.started()) {
          pause = BUSY_RETRY;
        } else if (round.claimed() > 0 && round.claimed() >= command.batchSize()) {
          continue;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a delivery round failed; trying again after the poll interval", e);
      }
      await(pause);
    }
  }

  private void await(Duration pause) {
    synchronized (bell) {
      if (!rung && running) {
        try {
          bell.wait(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      rung = false;
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
