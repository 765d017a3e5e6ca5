package dev.imbot.application.port.in.chat;

/** Incoming port: {@code imbot.chat.setOwner} and {@code imbot.chat.updateTitle}. */
public interface ChangeChatSettingsUseCase {

  /** The owner gives the chat to a member. */
  void changeOwner(ChatSettingCommand command);

  /** A member renames the chat. */
  void rename(ChatSettingCommand command);
}
