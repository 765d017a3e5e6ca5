package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.HistoryWindow;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Persistence adapter: messages, one id sequence over all chats. */
@Singleton
public final class JdbcMessages implements Messages {
  private static final String COLUMNS =
      "id, chat_id, author_id, created_at, body, attach, keyboard, menu, is_system, url_preview,"
          + " edited, deleted, likes";
  private static final NamedStatement ADD =
      NamedStatement.of(
          "INSERT INTO message ("
              + COLUMNS
              + ") VALUES (:id, :chat, :author, :createdAt, :body,"
              + " :attach, :keyboard, :menu, :system, :urlPreview, :edited, :deleted, :likes)");
  private static final NamedStatement NEXT_ID =
      NamedStatement.of("SELECT nextval('message_id_seq')");
  private static final NamedStatement UPDATE =
      NamedStatement.of(
          "UPDATE message SET body = :body, attach = :attach, keyboard = :keyboard, menu = :menu,"
              + " url_preview = :urlPreview, edited = :edited, deleted = :deleted, likes = :likes"
              + " WHERE id = :id");
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM message WHERE id = :id";
  private static final String AFTER =
      "SELECT "
          + COLUMNS
          + " FROM message WHERE chat_id = :chat AND id > :hidden AND id > :first"
          + " ORDER BY id LIMIT :limit";
  private static final String BEFORE =
      "SELECT "
          + COLUMNS
          + " FROM message WHERE chat_id = :chat AND id > :hidden AND id < :last"
          + " ORDER BY id DESC LIMIT :limit";

  private final Database database;

  JdbcMessages(Database database) {
    this.database = database.seeingHeld();
  }

  @Override
  public MessageId nextId() {
    return database.writeSql(
        "next message id",
        connection -> {
          try (NamedStatement.Bound next = NEXT_ID.on(connection)) {
            return MessageId.of(next.first((rs, ctx) -> rs.getLong(1)).orElseThrow());
          }
        });
  }

  /**
   * Updates the stored message, or inserts it when there is none (new messages: two statements).
   */
  @Override
  public void save(Message message) {
    database.writeSql(
        "save message " + message.id(),
        connection -> {
          int updated;
          try (NamedStatement.Bound update = UPDATE.on(connection)) {
            updated = MessageColumns.of(message).bind(update).update();
          }
          return updated == 0 ? insert(connection, message) : updated;
        });
  }

  /**
   * Held back to the unit of work's commit (or its next write that takes what is held), where it
   * goes with the other rows of a posted message in one exchange; the reads and changes below send
   * it first, so the unit of work still sees its own messages.
   */
  @Override
  public void add(Message message) {
    // The row as it is now: the message may change in memory before the held insert goes.
    MessageColumns row = MessageColumns.of(message);
    database.defer("add message " + message.id(), ADD, row::bind);
  }

  private static int insert(Connection connection, Message message) throws SQLException {
    try (NamedStatement.Bound add = ADD.on(connection)) {
      return MessageColumns.of(message).bind(add).update();
    }
  }

  @Override
  public void delete(MessageId id) {
    database.write(
        "delete message " + id,
        handle ->
            handle
                .createUpdate("DELETE FROM message WHERE id = :id")
                .bind("id", id.value())
                .execute());
  }

  @Override
  public Optional<Message> find(MessageId id) {
    return database.read(
        "find message " + id,
        handle ->
            handle.createQuery(BY_ID).bind("id", id.value()).map((rs, ctx) -> row(rs)).findOne());
  }

  @Override
  public long lastIdIn(ChatId chat) {
    return database.read(
        "last message of " + chat,
        handle ->
            handle
                .createQuery("SELECT COALESCE(MAX(id), 0) FROM message WHERE chat_id = :chat")
                .bind("chat", chat.value())
                .mapTo(Long.class)
                .one());
  }

  @Override
  public long countIn(ChatId chat) {
    return database.read(
        "count messages of " + chat,
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM message WHERE chat_id = :chat")
                .bind("chat", chat.value())
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<Message> page(HistoryWindow page) {
    return database.read(
        "page of " + page.chat(),
        handle -> {
          if (page.firstId() > 0) {
            List<Message> after =
                new ArrayList<>(
                    handle
                        .createQuery(AFTER)
                        .bind("chat", page.chat().value())
                        .bind("hidden", page.hiddenUpTo())
                        .bind("first", page.firstId())
                        .bind("limit", page.limit())
                        .map((rs, ctx) -> row(rs))
                        .list());
            Collections.reverse(after);
            return after;
          }
          return handle
              .createQuery(BEFORE)
              .bind("chat", page.chat().value())
              .bind("hidden", page.hiddenUpTo())
              .bind("last", page.lastId() > 0 ? page.lastId() : Long.MAX_VALUE)
              .bind("limit", page.limit())
              .map((rs, ctx) -> row(rs))
              .list();
        });
  }

  /** A message's column values, taken when made; binds the ones a statement names. */
  private record MessageColumns(
      long id,
      long chat,
      Long author,
      java.time.Instant createdAt,
      MessageContent content,
      boolean system,
      boolean edited,
      boolean deleted,
      String likes) {
    static MessageColumns of(Message message) {
      return new MessageColumns(
          message.id().value(),
          message.chat().value(),
          message.author().map(UserId::value).orElse(null),
          message.date(),
          message.content(),
          message.isSystem(),
          message.isEdited(),
          message.isDeleted(),
          JdbcMessages.likes(message));
    }

    NamedStatement.Bound bind(NamedStatement.Bound statement) throws SQLException {
      return statement
          .number("id", id)
          .number("chat", chat)
          .number("author", author)
          .instant("createdAt", createdAt)
          .string("body", content.text())
          .string("attach", content.attach())
          .string("keyboard", content.keyboard())
          .string("menu", content.menu())
          .bool("system", system)
          .bool("urlPreview", content.urlPreview())
          .bool("edited", edited)
          .bool("deleted", deleted)
          .string("likes", likes);
    }
  }

  private static String likes(Message message) {
    return message.likes().stream().map(UserId::toString).collect(Collectors.joining(","));
  }

  private static Message row(ResultSet rs) throws SQLException {
    long author = rs.getLong("author_id");
    boolean system = rs.getBoolean("is_system");
    String likes = rs.getString("likes");
    Set<UserId> likedBy = new LinkedHashSet<>();
    if (!likes.isEmpty()) {
      Arrays.stream(likes.split(",")).map(v -> UserId.of(Long.parseLong(v))).forEach(likedBy::add);
    }
    return Message.restore(
        MessageId.of(rs.getLong("id")),
        ChatId.of(rs.getLong("chat_id")),
        author == 0 ? null : UserId.of(author),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        new MessageContent(
            rs.getString("body"),
            rs.getString("attach"),
            rs.getString("keyboard"),
            rs.getString("menu"),
            rs.getBoolean("url_preview")),
        system,
        rs.getBoolean("edited"),
        rs.getBoolean("deleted"),
        likedBy);
  }
}
