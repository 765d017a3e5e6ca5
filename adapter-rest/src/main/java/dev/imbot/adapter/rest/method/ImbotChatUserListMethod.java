package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.user.list}: the chat's member ids, empty when the bot is no member.
 */
@Singleton
public final class ImbotChatUserListMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final ReadChatsUseCase reads;

  public ImbotChatUserListMethod(ResolveBotUseCase resolve, ReadChatsUseCase reads) {
    this.resolve = resolve;
    this.reads = reads;
  }

  @Override
  public String name() {
    return "imbot.chat.user.list";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.ACTION_UNAVAILABLE);
    ChatActor bot = ChatParameters.bot(call, resolve);
    return MethodResult.of(reads.members(bot.user(), chat));
  }
}
