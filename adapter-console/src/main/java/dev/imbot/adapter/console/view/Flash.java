package dev.imbot.adapter.console.view;

import java.util.List;

/**
 * View model: what the last action did, shown once on the next page: a sentence, whether it is an
 * error, and secrets shown this once (each with a copy button).
 */
public record Flash(String text, boolean error, List<Secret> secrets) {

  public Flash {
    secrets = List.copyOf(secrets);
  }

  public static Flash done(String text) {
    return new Flash(text, false, List.of());
  }

  public static Flash failed(String text) {
    return new Flash(text, true, List.of());
  }

  public static Flash withSecrets(String text, List<Secret> secrets) {
    return new Flash(text, false, secrets);
  }

  /** A secret in clear, labelled, shown once. */
  public record Secret(String label, String value) {}
}
