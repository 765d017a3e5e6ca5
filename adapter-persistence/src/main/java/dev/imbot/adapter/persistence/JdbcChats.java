package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.Member;
import dev.imbot.domain.chat.OpenedDialog;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Persistence adapter: chats and their members. A chat is locked with {@code SELECT … FOR UPDATE};
 * a private dialog's pair is unique, so of two units of work creating it at once one loses with a
 * write conflict and its retry finds the winner's dialog.
 */
@Singleton
public final class JdbcChats implements Chats {
  private static final String COLUMNS =
      "id, chat_type, title, description, color, owner_id, entity_type, entity_id, created_at";
  // A read finds the chat with its members as two arrays in join order: one statement, one
  // snapshot. A lock cannot: on PostgreSQL a FOR UPDATE that waited returns the newest chat row
  // but its subqueries keep the snapshot of before the wait, so the members of the transaction it
  // waited for would be missed; a lock reads the members in a statement of their own.
  private static final String WITH_MEMBERS =
      "SELECT "
          + COLUMNS
          + ", (SELECT ARRAY_AGG(m.user_id ORDER BY m.join_order) FROM chat_member m"
          + " WHERE m.chat_id = chat.id) AS member_ids,"
          + " (SELECT ARRAY_AGG(m.hidden_up_to ORDER BY m.join_order) FROM chat_member m"
          + " WHERE m.chat_id = chat.id) AS member_hidden FROM chat";
  private static final String HEAD = "SELECT " + COLUMNS + " FROM chat";
  private static final String BY_ID = " WHERE id = :id";
  private static final String PAIR = " WHERE private_low = :low AND private_high = :high";
  private static final NamedStatement FIND = NamedStatement.of(WITH_MEMBERS + BY_ID);
  private static final NamedStatement LOCK = NamedStatement.of(HEAD + BY_ID + " FOR UPDATE");
  private static final NamedStatement FIND_PAIR = NamedStatement.of(WITH_MEMBERS + PAIR);
  private static final NamedStatement LOCK_PAIR = NamedStatement.of(HEAD + PAIR + " FOR UPDATE");
  private static final NamedStatement MEMBERS =
      NamedStatement.of(
          "SELECT user_id, hidden_up_to FROM chat_member WHERE chat_id = :chat"
              + " ORDER BY join_order");
  private static final String BY_ENTITY =
      "SELECT "
          + COLUMNS
          + " FROM chat WHERE entity_type = :type AND entity_id = :entity AND chat_type <> 'P'"
          + " ORDER BY id LIMIT 1";
  private static final String OF_MEMBER =
      "SELECT chat_id FROM chat_member WHERE user_id = :user ORDER BY chat_id DESC"
          + " LIMIT :limit OFFSET :offset";
  private static final String COUNT_OF_MEMBER =
      "SELECT count(*) FROM chat_member WHERE user_id = :user";
  private static final String INSERT =
      "INSERT INTO chat (id, chat_type, title, description, color, owner_id, entity_type,"
          + " entity_id, private_low, private_high, created_at) VALUES (:id, :type, :title,"
          + " :description, :color, :owner, :entityType, :entityId, :low, :high, :createdAt)";
  private static final String UPDATE =
      "UPDATE chat SET title = :title, owner_id = :owner WHERE id = :id";
  private static final String DELETE_MEMBERS = "DELETE FROM chat_member WHERE chat_id = :chat";
  private static final String INSERT_MEMBER =
      "INSERT INTO chat_member (chat_id, user_id, join_order, hidden_up_to)"
          + " VALUES (:chat, :user, :order, :hidden)";

  private final Database database;

  JdbcChats(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Chat> find(ChatId id) {
    return database.readSql("find chat " + id, connection -> load(connection, FIND, id.value(), 0));
  }

  @Override
  public Optional<Chat> lock(ChatId id) {
    requireTransaction();
    return database.writeSql(
        "lock chat " + id, connection -> load(connection, LOCK, id.value(), 0));
  }

  @Override
  public Optional<Chat> findPrivate(UserId one, UserId other) {
    return database.readSql(
        "find dialog " + one + "/" + other,
        connection ->
            load(
                connection,
                FIND_PAIR,
                Math.min(one.value(), other.value()),
                Math.max(one.value(), other.value())));
  }

  @Override
  public OpenedDialog openPrivate(UserId opener, UserId other, Instant now) {
    requireTransaction();
    long low = Math.min(opener.value(), other.value());
    long high = Math.max(opener.value(), other.value());
    return database.write(
        "open dialog " + opener + "/" + other,
        handle -> {
          Optional<Chat> existing = load(handle.getConnection(), LOCK_PAIR, low, high);
          if (existing.isPresent()) {
            return new OpenedDialog(existing.get(), false);
          }
          Chat chat = Chat.privateDialog(nextId(handle), opener, other, now);
          insert(handle, chat, low, high);
          return new OpenedDialog(chat, true);
        });
  }

  @Override
  public Chat create(
      ChatType type, ChatDetails details, UserId owner, Collection<UserId> others, Instant now) {
    return database.write(
        "create chat",
        handle -> {
          Chat chat = Chat.group(nextId(handle), type, details, owner, others, now);
          insert(handle, chat, null, null);
          return chat;
        });
  }

  @Override
  public void save(Chat chat) {
    database.write(
        "save chat " + chat.id(),
        handle -> {
          handle
              .createUpdate(UPDATE)
              .bind("title", chat.title())
              .bind("owner", chat.owner().value())
              .bind("id", chat.id().value())
              .execute();
          handle.createUpdate(DELETE_MEMBERS).bind("chat", chat.id().value()).execute();
          insertMembers(handle, chat);
          return null;
        });
  }

  @Override
  public Optional<Chat> findByEntity(String entityType, String entityId) {
    return database.read(
        "find chat by entity",
        handle -> {
          Optional<Long> id =
              handle
                  .createQuery(BY_ENTITY.replace(COLUMNS, "id"))
                  .bind("type", entityType)
                  .bind("entity", entityId)
                  .mapTo(Long.class)
                  .findOne();
          return id.isEmpty()
              ? Optional.<Chat>empty()
              : load(handle.getConnection(), FIND, id.get(), 0);
        });
  }

  @Override
  public List<Chat> ofMember(UserId member, int offset, int limit) {
    return database.read(
        "list chats of " + member,
        handle -> {
          List<Long> ids =
              handle
                  .createQuery(OF_MEMBER)
                  .bind("user", member.value())
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .mapTo(Long.class)
                  .list();
          List<Chat> chats = new ArrayList<>();
          for (long id : ids) {
            load(handle.getConnection(), FIND, id, 0).ifPresent(chats::add);
          }
          return chats;
        });
  }

  @Override
  public long countOfMember(UserId member) {
    return database.read(
        "count chats of " + member,
        handle ->
            handle
                .createQuery(COUNT_OF_MEMBER)
                .bind("user", member.value())
                .mapTo(Long.class)
                .one());
  }

  private void requireTransaction() {
    if (!database.inTransaction()) {
      throw new IllegalStateException("locking a chat needs a unit of work");
    }
  }

  private static ChatId nextId(Handle handle) {
    return ChatId.of(handle.createQuery("SELECT nextval('chat_id_seq')").mapTo(Long.class).one());
  }

  private static void insert(Handle handle, Chat chat, Long low, Long high) {
    handle
        .createUpdate(INSERT)
        .bind("id", chat.id().value())
        .bind("type", chat.type().letter())
        .bind("title", chat.title())
        .bind("description", chat.description())
        .bind("color", chat.color())
        .bind("owner", chat.owner().value())
        .bind("entityType", chat.entityType())
        .bind("entityId", chat.entityId())
        .bind("low", low)
        .bind("high", high)
        .bind("createdAt", OffsetDateTime.ofInstant(chat.createdAt(), ZoneOffset.UTC))
        .execute();
    insertMembers(handle, chat);
  }

  private static void insertMembers(Handle handle, Chat chat) {
    var batch = handle.prepareBatch(INSERT_MEMBER);
    int order = 0;
    for (Member member : chat.members()) {
      batch
          .bind("chat", chat.id().value())
          .bind("user", member.user().value())
          .bind("order", order++)
          .bind("hidden", member.hiddenUpTo())
          .add();
    }
    batch.execute();
  }

  /**
   * The chat the query finds: by {@code :id} ({@code first}) or by the pair {@code :low}, {@code
   * :high} ({@code first}, {@code second}); a statement binds the names it has.
   */
  private static Optional<Chat> load(
      Connection connection, NamedStatement query, long first, long second) throws SQLException {
    Optional<ChatHead> head;
    try (NamedStatement.Bound find = query.on(connection)) {
      head =
          find.number("id", first)
              .number("low", first)
              .number("high", second)
              .first(
                  (rs, ctx) ->
                      new ChatHead(
                          rs.getLong("id"),
                          rs.getString("chat_type"),
                          new ChatDetails(
                              rs.getString("title"),
                              rs.getString("description"),
                              rs.getString("color"),
                              rs.getString("entity_type"),
                              rs.getString("entity_id")),
                          rs.getLong("owner_id"),
                          rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                          query == LOCK || query == LOCK_PAIR ? null : members(rs)));
    }
    if (head.isEmpty()) {
      return Optional.empty();
    }
    ChatHead h = head.get();
    List<Member> members = h.members();
    if (members == null) {
      try (NamedStatement.Bound read = MEMBERS.on(connection)) {
        members =
            read.number("chat", h.id())
                .list(
                    (rs, ctx) ->
                        new Member(UserId.of(rs.getLong("user_id")), rs.getLong("hidden_up_to")));
      }
    }
    ChatType type =
        switch (h.type()) {
          case "P" -> ChatType.PRIVATE;
          case "O" -> ChatType.OPEN;
          default -> ChatType.GROUP;
        };
    return Optional.of(
        Chat.restore(
            ChatId.of(h.id()), type, h.details(), UserId.of(h.owner()), h.createdAt(), members));
  }

  /** The members from the two arrays of {@link #WITH_MEMBERS} (none: SQL NULL). */
  private static List<Member> members(ResultSet rs) throws SQLException {
    Object[] ids = elements(rs.getArray("member_ids"));
    Object[] hidden = elements(rs.getArray("member_hidden"));
    List<Member> members = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      members.add(
          new Member(UserId.of(((Number) ids[i]).longValue()), ((Number) hidden[i]).longValue()));
    }
    return members;
  }

  private static Object[] elements(java.sql.Array array) throws SQLException {
    if (array == null) {
      return new Object[0];
    }
    try {
      return (Object[]) array.getArray();
    } finally {
      array.free();
    }
  }

  /** A chat's row; {@code members} null when a statement of their own reads them (a lock). */
  private record ChatHead(
      long id,
      String type,
      ChatDetails details,
      long owner,
      Instant createdAt,
      List<Member> members) {}
}
