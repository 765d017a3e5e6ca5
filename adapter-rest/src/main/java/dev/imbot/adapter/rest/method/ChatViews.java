package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixTime;
import dev.imbot.adapter.rest.wire.JsonBodyDecoder;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.DialogView;
import dev.imbot.application.port.in.chat.MessagePage;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messenger's results in Bitrix24's shapes: the chat object of {@code im.dialog.get} and the
 * page of {@code im.dialog.messages.get}. Plain maps, so {@code batch} can walk them.
 */
final class ChatViews {
  private ChatViews() {}

  /** The chat object of {@code im.dialog.get} / {@code imbot.dialog.get}. */
  static Map<String, Object> dialog(DialogView view, UserId viewer) {
    Chat chat = view.chat();
    boolean group = !chat.isPrivate();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", chat.id().value());
    out.put("parent_chat_id", 0);
    out.put("parent_message_id", 0);
    out.put("name", chat.title() == null ? "" : chat.title());
    out.put("description", chat.description() == null ? "" : chat.description());
    out.put("owner", chat.owner().value());
    out.put("extranet", false);
    out.put("avatar", "");
    out.put("color", chat.color() == null ? "" : chat.color());
    out.put("type", typeName(chat));
    out.put("counter", 0);
    out.put("user_counter", chat.members().size());
    out.put("message_count", view.messageCount());
    out.put("unread_id", 0);
    out.put("last_message_id", view.lastMessageId());
    out.put("last_id", view.lastMessageId());
    out.put("marked_id", 0);
    out.put("disk_folder_id", 0);
    Map<String, Object> restrictions = new LinkedHashMap<>();
    for (String key :
        List.of(
            "avatar",
            "rename",
            "extend",
            "call",
            "mute",
            "leave",
            "leave_owner",
            "send",
            "user_list")) {
      restrictions.put(
          key, group || key.equals("call") || key.equals("mute") || key.equals("send"));
    }
    out.put("restrictions", restrictions);
    out.put("entity_type", chat.entityType() == null ? "" : chat.entityType());
    out.put("entity_id", chat.entityId() == null ? "" : chat.entityId());
    out.put("entity_data_1", "");
    out.put("entity_data_2", "");
    out.put("entity_data_3", "");
    out.put("entity_link", Map.of("type", "", "url", "", "id", ""));
    out.put("mute_list", List.of());
    out.put("date_create", BitrixTime.date(chat.createdAt()));
    out.put("message_type", chat.type().letter());
    out.put("public", "");
    out.put("role", role(chat, viewer));
    out.put("text_field_enabled", true);
    out.put("background_id", null);
    out.put("is_new", false);
    boolean member = chat.isMember(viewer);
    Map<String, Object> permissions = new LinkedHashMap<>();
    permissions.put("manage_users_add", group && member ? "MEMBER" : "NONE");
    permissions.put("manage_users_delete", group && chat.owner().equals(viewer) ? "OWNER" : "NONE");
    permissions.put("manage_ui", group && member ? "MEMBER" : "NONE");
    permissions.put("manage_settings", group && chat.owner().equals(viewer) ? "OWNER" : "NONE");
    permissions.put("manage_messages", member ? "MEMBER" : "NONE");
    permissions.put("can_post", member ? "MEMBER" : "NONE");
    out.put("permissions", permissions);
    out.put("readed_list", List.of());
    out.put("manager_list", List.of(chat.owner().value()));
    Map<String, Object> views = new LinkedHashMap<>();
    views.put("message_id", 0);
    views.put("first_viewers", List.of());
    views.put("count_of_viewers", 0);
    out.put("last_message_views", views);
    out.put("dialog_id", view.dialogId());
    return out;
  }

  /** The result of {@code im.dialog.messages.get}. */
  static Map<String, Object> page(MessagePage page) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chat_id", page.chat().value());
    List<Object> messages = new ArrayList<>();
    for (Message message : page.messages()) {
      messages.add(message(message));
    }
    out.put("messages", messages);
    List<Object> users = new ArrayList<>();
    for (ChatUser user : page.users()) {
      users.add(user(user));
    }
    out.put("users", users);
    out.put("files", List.of());
    return out;
  }

  private static Map<String, Object> message(Message message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", message.id().value());
    out.put("chat_id", message.chat().value());
    out.put("author_id", message.authorWireId());
    out.put("date", BitrixTime.date(message.date()));
    out.put("text", message.text());
    out.put("unread", false);
    out.put("uuid", null);
    out.put("replaces", List.of());
    Map<String, Object> params = new LinkedHashMap<>();
    MessageContent content = message.content();
    putJson(params, "ATTACH", content.attach());
    putJson(params, "KEYBOARD", content.keyboard());
    putJson(params, "MENU", content.menu());
    if (!message.likes().isEmpty()) {
      params.put("LIKE", message.likes().stream().map(UserId::value).toList());
    }
    if (message.isEdited()) {
      params.put("IS_EDITED", "Y");
    }
    if (message.isDeleted()) {
      params.put("IS_DELETED", "Y");
    }
    if (!content.urlPreview()) {
      params.put("URL_ONLY", "N");
    }
    // PHP serialises an empty array as [] and a keyed one as an object.
    out.put("params", params.isEmpty() ? List.of() : params);
    out.put("disappearing_date", null);
    return out;
  }

  private static Map<String, Object> user(ChatUser user) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", user.id());
    out.put("active", true);
    out.put("name", user.fullName());
    out.put("first_name", user.firstName());
    out.put("last_name", user.lastName());
    out.put("work_position", user.workPosition());
    out.put("color", "");
    out.put("avatar", "");
    out.put("avatar_hr", "");
    out.put("gender", user.gender().isEmpty() ? "M" : user.gender());
    out.put("birthday", "");
    out.put("extranet", false);
    out.put("network", false);
    out.put("bot", user.bot());
    out.put("connector", false);
    out.put("external_auth_id", user.bot() ? "bot" : "default");
    out.put("status", "online");
    out.put("idle", false);
    out.put("last_activity_date", false);
    out.put("mobile_last_date", false);
    out.put("desktop_last_date", false);
    out.put("absent", false);
    out.put("departments", List.of());
    out.put("phones", false);
    out.put("bot_data", null);
    out.put("type", user.bot() ? "bot" : "user");
    out.put("website", "");
    out.put("email", "");
    return out;
  }

  private static void putJson(Map<String, Object> params, String key, String json) {
    if (json != null) {
      JsonBodyDecoder.decodeValue(json).ifPresent(tree -> params.put(key, lists(tree)));
    }
  }

  /** A decoded tree with its index-keyed maps turned back into lists. */
  private static Object lists(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return node;
    }
    boolean list = !map.isEmpty();
    int index = 0;
    for (Object key : map.keySet()) {
      if (!String.valueOf(index++).equals(key)) {
        list = false;
        break;
      }
    }
    if (list) {
      List<Object> out = new ArrayList<>();
      map.values().forEach(v -> out.add(lists(v)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), lists(v)));
    return out;
  }

  private static String typeName(Chat chat) {
    if (chat.isPrivate()) {
      return "private";
    }
    if (chat.isOpenLine()) {
      return "lines";
    }
    return chat.type() == ChatType.OPEN ? "open" : "chat";
  }

  private static String role(Chat chat, UserId viewer) {
    if (chat.owner().equals(viewer) && !chat.isPrivate()) {
      return "owner";
    }
    return chat.isMember(viewer) ? "member" : "guest";
  }
}
