package dev.imbot.adapter.console;

import dev.imbot.adapter.console.view.Flash;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Console adapter: one signed-in browser: its cookie value, the token its forms carry against
 * cross-site request forgery, and the outcome of its last action, shown once.
 */
final class ConsoleSession {
  private final String id;
  private final String csrf;
  private final AtomicReference<Flash> flash = new AtomicReference<>();

  ConsoleSession(String id, String csrf) {
    this.id = id;
    this.csrf = csrf;
  }

  String id() {
    return id;
  }

  String csrf() {
    return csrf;
  }

  void flash(Flash outcome) {
    flash.set(outcome);
  }

  /** The last action's outcome, once: the next call gives null. */
  Flash takeFlash() {
    return flash.getAndSet(null);
  }
}
