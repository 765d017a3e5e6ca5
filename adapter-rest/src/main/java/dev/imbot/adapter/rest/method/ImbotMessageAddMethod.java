package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/** REST method {@code imbot.message.add}: a bot posts; answers the message id. */
@Singleton
public final class ImbotMessageAddMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final PostMessageUseCase post;

  public ImbotMessageAddMethod(ResolveBotUseCase resolve, PostMessageUseCase post) {
    this.resolve = resolve;
    this.post = post;
  }

  @Override
  public String name() {
    return "imbot.message.add";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatActor bot = ChatParameters.bot(call, resolve);
    long from = ChatParameters.intval(ChatParameters.text(call, "FROM_USER_ID"));
    long to = ChatParameters.intval(ChatParameters.text(call, "TO_USER_ID"));
    boolean systemPair = from > 0 && to > 0;
    DialogId dialog =
        systemPair
            ? new DialogId.WithUser(UserId.of(to))
            : DialogId.parse(ChatParameters.text(call, "DIALOG_ID"));
    String message = ChatParameters.text(call, "MESSAGE");
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.MESSAGE_EMPTY);
    }
    ChatActor author = systemPair ? ChatActor.person(UserId.of(from)) : bot;
    MessageId id =
        post.post(
            new PostMessageCommand(
                author,
                dialog,
                text,
                ChatParameters.extra(call, "ATTACH"),
                ChatParameters.extra(call, "KEYBOARD"),
                ChatParameters.extra(call, "MENU"),
                systemPair || ChatParameters.flag(call, "SYSTEM", false),
                ChatParameters.flag(call, "URL_PREVIEW", true)));
    return MethodResult.of(id.value());
  }
}
