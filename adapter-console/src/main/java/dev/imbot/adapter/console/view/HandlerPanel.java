package dev.imbot.adapter.console.view;

import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.HandlerHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * View model: one handler URL's health panel: state in words (and a coloured dot), success rate,
 * p50/p99 latency, failures in a row, and the last hour as a bar chart drawn in SVG (successes in
 * green from the bottom, failures in red above them, one bar per minute).
 */
public record HandlerPanel(
    String handlerUrl,
    String href,
    String stateWord,
    String stateClass,
    String successRate,
    String p50,
    String p99,
    long attempts,
    long consecutiveFailures,
    String chartLabel,
    List<Bar> bars) {

  /** The chart's size in SVG units: 60 bars of 4 wide, 40 high. */
  public static final int WIDTH = 240;

  public static final int HEIGHT = 40;

  private static final int BAR = WIDTH / 60;

  /** One minute's bar: where its two parts are drawn, and what it says to a screen reader. */
  public record Bar(int x, int okY, int okHeight, int failedY, int failedHeight, String title) {}

  public static HandlerPanel of(HandlerHealth health) {
    HandlerActivity activity = health.activity();
    long most = 1;
    long successes = 0;
    long failures = 0;
    for (HandlerActivity.Minute minute : health.minutes()) {
      most = Math.max(most, minute.successes() + minute.failures());
      successes += minute.successes();
      failures += minute.failures();
    }
    List<Bar> bars = new ArrayList<>();
    int x = 0;
    for (HandlerActivity.Minute minute : health.minutes()) {
      int ok = scaled(minute.successes(), most);
      int failed = scaled(minute.failures(), most);
      bars.add(
          new Bar(
              x,
              HEIGHT - ok,
              ok,
              HEIGHT - ok - failed,
              failed,
              Times.minute(minute.start())
                  + ": "
                  + minute.successes()
                  + " delivered, "
                  + minute.failures()
                  + " failed"));
      x += BAR;
    }
    boolean failing = health.state() == HandlerHealth.State.FAILING;
    return new HandlerPanel(
        health.handlerUrl(),
        "/console/deliveries?handler="
            + java.net.URLEncoder.encode(
                health.handlerUrl(), java.nio.charset.StandardCharsets.UTF_8),
        failing ? "Failing" : "OK",
        failing ? "state-failing" : "state-ok",
        String.format(Locale.ROOT, "%.1f %%", health.successRate() * 100),
        Times.duration(activity.p50()),
        Times.duration(activity.p99()),
        activity.attempts(),
        activity.consecutiveFailures(),
        "Last hour, minute by minute: "
            + successes
            + " attempts delivered and "
            + failures
            + " failed",
        bars);
  }

  /** A count as a bar height: at least 1 unit when there is any, the busiest minute full height. */
  private static int scaled(long count, long most) {
    if (count == 0) {
      return 0;
    }
    return (int) Math.max(1, Math.round((double) count * HEIGHT / most));
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  public int barWidth() {
    return BAR - 1;
  }
}
