package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/** REST method {@code im.message.add}: a person posts; answers the message id. */
@Singleton
public final class ImMessageAddMethod implements BitrixMethod {
  private final PostMessageUseCase post;
  private final ResolveActorUseCase actors;

  public ImMessageAddMethod(PostMessageUseCase post, ResolveActorUseCase actors) {
    this.post = post;
    this.actors = actors;
  }

  @Override
  public String name() {
    return "im.message.add";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    Object message = ChatParameters.raw(call, "MESSAGE");
    if (message != null && !(message instanceof String)) {
      throw ChatRejection.refuse(ChatRejectionReason.MESSAGE_WRONG_TYPE);
    }
    String text = message == null ? "" : ((String) message).strip();
    Object attach = ChatParameters.extra(call, "ATTACH");
    if (text.isEmpty() && attach == null) {
      throw ChatRejection.refuse(ChatRejectionReason.MESSAGE_EMPTY);
    }
    DialogId dialog = target(call);
    MessageId id =
        post.post(
            new PostMessageCommand(
                ChatParameters.actor(call, actors),
                dialog,
                text,
                attach,
                ChatParameters.extra(call, "KEYBOARD"),
                ChatParameters.extra(call, "MENU"),
                ChatParameters.flag(call, "SYSTEM", false),
                ChatParameters.flag(call, "URL_PREVIEW", true)));
    return MethodResult.of(id.value());
  }

  /**
   * {@code DIALOG_ID} (or the legacy {@code CHAT_ID} / {@code USER_ID}) as PHP reads it: {@code
   * chat<N>} is the chat path, anything else the user path through {@code intval}.
   */
  private static DialogId target(BitrixCall call) {
    String dialog = ChatParameters.text(call, "DIALOG_ID");
    if (dialog != null) {
      String trimmed = dialog.strip();
      if (trimmed.regionMatches(true, 0, "chat", 0, 4)) {
        long chat = ChatParameters.intval(trimmed.substring(4));
        if (chat <= 0) {
          throw ChatRejection.refuse(ChatRejectionReason.CHAT_ID_EMPTY);
        }
        return new DialogId.InChat(ChatId.of(chat));
      }
      if (DialogId.tryParse(trimmed).orElse(null) instanceof DialogId.Foreign foreign) {
        return foreign;
      }
      return user(ChatParameters.intval(trimmed));
    }
    if (ChatParameters.text(call, "CHAT_ID") != null) {
      long chat = ChatParameters.intval(ChatParameters.text(call, "CHAT_ID"));
      if (chat <= 0) {
        throw ChatRejection.refuse(ChatRejectionReason.CHAT_ID_EMPTY);
      }
      return new DialogId.InChat(ChatId.of(chat));
    }
    if (ChatParameters.text(call, "USER_ID") != null) {
      return user(ChatParameters.intval(ChatParameters.text(call, "USER_ID")));
    }
    throw ChatRejection.refuse(ChatRejectionReason.PARAMS_INCORRECT);
  }

  private static DialogId user(long id) {
    if (id <= 0) {
      throw ChatRejection.refuse(ChatRejectionReason.USER_ID_EMPTY);
    }
    return new DialogId.WithUser(UserId.of(id));
  }
}
