package dev.imbot.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Test support: starts calls on as many threads at once and collects what each returned. */
final class Race {
  private Race() {}

  /** What one caller got: a value or an exception. */
  record Outcome<T>(T value, Throwable failure) {}

  static <T> List<Outcome<T>> run(int callers, IntFunction<Callable<T>> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<T> work = call.apply(i);
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          outcomes.add(new Outcome<>(future.get(120, TimeUnit.SECONDS), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        }
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }
}
