package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.wire.JsonBodyDecoder;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the shapes the messenger's methods share, the way Bitrix24's PHP reads them. */
final class ChatParameters {
  private ChatParameters() {}

  /**
   * Who a user-side ({@code im.*}) call acts as: the webhook's user, the token's user (a bot when
   * the token was minted for one of its application's bots), portal user 1 for a static token.
   */
  static ChatActor actor(BitrixCall call, ResolveActorUseCase actors) {
    return actors.actorOf(call.caller());
  }

  /**
   * The calling user, person or bot: {@link
   * dev.imbot.application.port.in.portal.Caller#actingUser}.
   */
  static UserId user(BitrixCall call) {
    return call.caller().actingUser();
  }

  /**
   * The bot a bot-side call acts as: {@code CLIENT_ID} (webhooks) first, then {@code BOT_ID} or the
   * application's first bot.
   */
  static ChatActor bot(BitrixCall call, ResolveBotUseCase resolve) {
    return ChatActor.bot(resolve.resolve(call.application(), text(call, "BOT_ID")).userId());
  }

  static String text(BitrixCall call, String name) {
    return call.parameters().text(name);
  }

  static Object raw(BitrixCall call, String name) {
    return call.parameters().asMap().get(name);
  }

  /** PHP's {@code intval}: leading digits (after blanks and a sign), 0 when there are none. */
  static long intval(String raw) {
    if (raw == null) {
      return 0;
    }
    String s = raw.strip();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 && digits < 18) {
      value = value * 10 + (s.charAt(i) - '0');
      i++;
      digits++;
    }
    return negative ? -value : value;
  }

  /** {@code MESSAGE_ID} (or {@code ID}) as a positive id; {@code MESSAGE_ID_ERROR} otherwise. */
  static MessageId messageId(BitrixCall call, boolean idAlias) {
    String raw = text(call, "MESSAGE_ID");
    if (raw == null && idAlias) {
      raw = text(call, "ID");
    }
    long id = intval(raw);
    if (id <= 0) {
      throw ChatRejection.refuse(ChatRejectionReason.MESSAGE_ID_EMPTY);
    }
    return MessageId.of(id);
  }

  /** {@code CHAT_ID}, or {@code DIALOG_ID=chat<N>}, as a positive id; {@code CHAT_ID_EMPTY}. */
  static ChatId chatId(BitrixCall call) {
    long id = intval(text(call, "CHAT_ID"));
    if (id <= 0) {
      Optional<DialogId> dialog = DialogId.tryParse(text(call, "DIALOG_ID"));
      if (dialog.isPresent() && dialog.get() instanceof DialogId.InChat inChat) {
        return inChat.chat();
      }
      throw ChatRejection.refuse(ChatRejectionReason.CHAT_ID_EMPTY);
    }
    return ChatId.of(id);
  }

  /** {@code USER_ID} as a positive id; {@code USER_ID_EMPTY}. */
  static UserId userId(BitrixCall call) {
    long id = intval(text(call, "USER_ID"));
    if (id <= 0) {
      throw ChatRejection.refuse(ChatRejectionReason.USER_ID_EMPTY);
    }
    return UserId.of(id);
  }

  /**
   * A list of user ids ({@code USERS}): a list, or a JSON text of one, or one id. Empty values are
   * dropped; anything but text in an element is refused with {@code USERS_WRONG_TYPE}.
   */
  static List<UserId> users(Object raw) {
    Object tree = raw;
    if (raw instanceof String text) {
      Optional<Object> decoded = JsonBodyDecoder.decodeValue(text);
      tree = decoded.isPresent() && decoded.get() instanceof Map<?, ?> ? decoded.get() : text;
    }
    List<Object> values = new ArrayList<>();
    if (tree instanceof Map<?, ?> map) {
      values.addAll(map.values());
    } else if (tree != null) {
      values.add(tree);
    }
    List<UserId> users = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof String text)) {
        throw ChatRejection.refuse(ChatRejectionReason.USERS_WRONG_TYPE);
      }
      long id = intval(text);
      if (id > 0) {
        users.add(UserId.of(id));
      }
    }
    return users;
  }

  /**
   * {@code ATTACH}, {@code KEYBOARD} or {@code MENU} for a new message: the tree as sent, or the
   * tree a JSON text holds; null when absent or empty. Text that is not JSON is handed on as text,
   * for the shape check to refuse.
   */
  static Object extra(BitrixCall call, String name) {
    Object raw = raw(call, name);
    if (raw instanceof String text) {
      if (text.isEmpty()) {
        return null;
      }
      return JsonBodyDecoder.decodeValue(text).orElse(text);
    }
    return raw;
  }

  /**
   * An extra of an edit: absent, a removal mark ({@code ""}, {@code N}) as is, or as {@link
   * #extra}.
   */
  static Optional<Object> extraChange(BitrixCall call, String name) {
    Object raw = raw(call, name);
    if (raw == null) {
      return Optional.empty();
    }
    if (raw instanceof String text && (text.isEmpty() || text.equals("N"))) {
      return Optional.of(text);
    }
    return Optional.of(extra(call, name));
  }

  /** A Y/N flag: {@code Y} exactly is yes, {@code N} exactly is no, anything else the default. */
  static boolean flag(BitrixCall call, String name, boolean byDefault) {
    String value = text(call, name);
    if ("Y".equals(value)) {
      return true;
    }
    if ("N".equals(value)) {
      return false;
    }
    return byDefault;
  }

  /**
   * Refuses a private dialog where a method works on group chats only: Bitrix24 checks this before
   * it looks at the bot.
   */
  static void requireGroupChat(
      ReadChatsUseCase reads, ChatId chat, ChatRejectionReason whenPrivate) {
    if (reads.typeOf(chat).filter(type -> type == ChatType.PRIVATE).isPresent()) {
      throw ChatRejection.refuse(whenPrivate);
    }
  }
}
