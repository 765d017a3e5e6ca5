package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.chat.ChangeChatSettingsUseCase;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatSettingCommand;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.chat.updateTitle}: a member bot renames a chat; answers {@code true}.
 */
@Singleton
public final class ImbotChatUpdateTitleMethod implements BitrixMethod {
  private final ResolveBotUseCase resolve;
  private final ChangeChatSettingsUseCase settings;

  public ImbotChatUpdateTitleMethod(ResolveBotUseCase resolve, ChangeChatSettingsUseCase settings) {
    this.resolve = resolve;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "imbot.chat.updatetitle";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ChatId chat = ChatParameters.chatId(call);
    String raw = ChatParameters.text(call, "TITLE");
    String title = raw == null ? "" : raw.strip();
    if (title.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.TITLE_EMPTY);
    }
    ChatActor bot = ChatParameters.bot(call, resolve);
    settings.rename(new ChatSettingCommand(bot, chat, null, title));
    return MethodResult.of(true);
  }
}
