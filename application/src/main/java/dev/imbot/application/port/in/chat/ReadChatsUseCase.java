package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Incoming port: what a user may read of the messenger: a dialog ({@code im.dialog.get}, which
 * opens a private dialog as the console does), a chat by its entity binding ({@code
 * imbot.chat.get}), a chat's members ({@code imbot.chat.user.list}) and a dialog's messages ({@code
 * im.dialog.messages.get}).
 */
public interface ReadChatsUseCase {

  /** The dialog as {@code viewer} sees it; {@code ACCESS_ERROR} when they may not. */
  DialogView dialog(UserId viewer, DialogId dialog);

  /** The chat's type, when the chat exists (methods check it before anything else). */
  Optional<ChatType> typeOf(ChatId chat);

  /** The chat bound to this entity, visible to anyone (as in Bitrix24). */
  Optional<ChatId> chatByEntity(String entityType, String entityId);

  /** The chat's member ids in join order; empty when {@code viewer} is not a member. */
  List<Long> members(UserId viewer, ChatId chat);

  /** A page of messages, newest first, with their authors. */
  MessagePage messages(MessagePageQuery query);
}
