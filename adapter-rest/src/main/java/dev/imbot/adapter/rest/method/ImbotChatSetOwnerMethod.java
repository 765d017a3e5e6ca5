package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChangeChatSettingsUseCase;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatSettingCommand;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.setOwner}: the owning bot gives the chat to a member; answers
 * {@code true}.
 */
@Singleton
public final class ImbotChatSetOwnerMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final ReadChatsUseCase reads;
  private final ChangeChatSettingsUseCase settings;

  public ImbotChatSetOwnerMethod(
      ResolveBotUseCase resolve, ReadChatsUseCase reads, ChangeChatSettingsUseCase settings) {
    this.resolve = resolve;
    this.reads = reads;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "imbot.chat.setowner";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    UserId owner = ChatParameters.userId(call);
    ChatActor bot = ChatParameters.bot(call, resolve);
    ChatParameters.requireGroupChat(reads, chat, ChatRejectionReason.ACTION_UNAVAILABLE);
    settings.changeOwner(new ChatSettingCommand(bot, chat, owner, null));
    return MethodResult.of(true);
  }
}
