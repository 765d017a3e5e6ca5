package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.RemoveChatUserCommand;
import dev.imbot.application.port.in.chat.RemoveChatUserUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.leave}: the bot leaves (or, as in Bitrix24, removes {@code USER_ID}
 * when one is given); answers {@code true}.
 */
@Singleton
public final class ImbotChatLeaveMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final ReadChatsUseCase reads;
  private final RemoveChatUserUseCase remove;

  public ImbotChatLeaveMethod(
      ResolveBotUseCase resolve, ReadChatsUseCase reads, RemoveChatUserUseCase remove) {
    this.resolve = resolve;
    this.reads = reads;
    this.remove = remove;
  }

  @Override
  public String name() {
    return "imbot.chat.leave";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.DELETE_USERS_FORBIDDEN);
    ChatActor bot = ChatParameters.bot(call, resolve);
    long user = ChatParameters.intval(ChatParameters.text(call, "USER_ID"));
    remove.remove(new RemoveChatUserCommand(bot, chat, user > 0 ? UserId.of(user) : bot.user()));
    return MethodResult.of(true);
  }
}
