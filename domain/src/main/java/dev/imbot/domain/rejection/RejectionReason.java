package dev.imbot.domain.rejection;

/**
 * Why a request was refused. Each context keeps its own closed set of reasons, an enum that
 * implements this interface ({@code BotRejectionReason}, {@code HandlerRejectionReason}, {@code
 * AccessRejectionReason}, {@link RequestRejectionReason}), so a new context's refusals do not pile
 * into one list.
 */
public interface RejectionReason {

  /** The reason's constant name, e.g. {@code BOT_NOT_FOUND}. */
  String name();
}
