package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixDispatcher;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * REST method {@code methods}: the names of the methods this service answers, as a list. Like
 * Bitrix24, {@code scope=<name>} narrows it to one scope ({@code imbot} for {@code imbot.*}), an
 * empty {@code scope} to the scope-less methods ({@code batch}, {@code methods}, {@code profile},
 * {@code server.time}); without it every method is listed, since every caller here may call them
 * all.
 */
@Singleton
public final class MethodsMethod implements BitrixMethod {
  /** The dispatcher is built from every method, this one included: looked up when called. */
  private final Provider<BitrixDispatcher> dispatcher;

  public MethodsMethod(Provider<BitrixDispatcher> dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public String name() {
    return "methods";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    String scope = call.parameters().text("scope");
    String wanted = scope == null ? null : scope.strip().toLowerCase(Locale.ROOT);
    List<String> names =
        dispatcher.get().methodNames().stream()
            .filter(name -> wanted == null || scopeOf(name).equals(wanted))
            .toList();
    return MethodResult.of(names);
  }

  /**
   * {@code imbot} for {@code imbot.register}, {@code im} for {@code im.message.add}; empty for the
   * methods outside any scope.
   */
  private static String scopeOf(String method) {
    if (method.startsWith("imbot.")) {
      return "imbot";
    }
    if (method.startsWith("im.")) {
      return "im";
    }
    return method.startsWith("user.") ? "user" : "";
  }
}
