package dev.imbot.domain.chat;

import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat: a private dialog between two users, or a group-like chat (closed or open, routed as an
 * open-line chat when its entity type is {@value #OPEN_LINES_ENTITY}), with its members and the
 * history each sees. Enforces who may add, remove, rename and give away.
 */
public final class Chat {
  /** The entity type that makes a group chat an open-line chat for routing. */
  public static final String OPEN_LINES_ENTITY = "LINES";

  private final ChatId id;
  private final ChatType type;
  private String title;
  private final String description;
  private final String color;
  private UserId owner;
  private final String entityType;
  private final String entityId;
  private final Instant createdAt;
  private final LinkedHashMap<UserId, Member> members;

  private Chat(
      ChatId id,
      ChatType type,
      ChatDetails details,
      UserId owner,
      Instant createdAt,
      Collection<Member> members) {
    this.id = Objects.requireNonNull(id, "id");
    this.type = Objects.requireNonNull(type, "type");
    this.title = details.title();
    this.description = details.description();
    this.color = details.color();
    this.owner = Objects.requireNonNull(owner, "owner");
    this.entityType = details.entityType();
    this.entityId = details.entityId();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.members = new LinkedHashMap<>();
    members.forEach(m -> this.members.put(m.user(), m));
  }

  /** The private dialog of two different users; {@code opener} counts as its author. */
  public static Chat privateDialog(ChatId id, UserId opener, UserId other, Instant now) {
    if (opener.equals(other)) {
      throw new IllegalArgumentException("a private dialog needs two users");
    }
    return new Chat(
        id,
        ChatType.PRIVATE,
        ChatDetails.NONE,
        opener,
        now,
        List.of(new Member(opener, 0), new Member(other, 0)));
  }

  /** A new group or open chat owned by {@code owner}, who is its first member. */
  public static Chat group(
      ChatId id,
      ChatType type,
      ChatDetails details,
      UserId owner,
      Collection<UserId> others,
      Instant now) {
    if (type == ChatType.PRIVATE) {
      throw new IllegalArgumentException("use privateDialog");
    }
    List<Member> all = new ArrayList<>();
    all.add(new Member(owner, 0));
    others.stream()
        .filter(u -> !u.equals(owner))
        .distinct()
        .forEach(u -> all.add(new Member(u, 0)));
    return new Chat(id, type, details, owner, now, all);
  }

  /** A stored chat as it was. */
  public static Chat restore(
      ChatId id,
      ChatType type,
      ChatDetails details,
      UserId owner,
      Instant createdAt,
      Collection<Member> members) {
    return new Chat(id, type, details, owner, createdAt, members);
  }

  public ChatId id() {
    return id;
  }

  public ChatType type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String color() {
    return color;
  }

  public UserId owner() {
    return owner;
  }

  public String entityType() {
    return entityType;
  }

  public String entityId() {
    return entityId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public ChatDetails details() {
    return new ChatDetails(title, description, color, entityType, entityId);
  }

  public boolean isPrivate() {
    return type == ChatType.PRIVATE;
  }

  /** Whether messages here follow the open-line routing rule. */
  public boolean isOpenLine() {
    return !isPrivate() && OPEN_LINES_ENTITY.equals(entityType);
  }

  /** The members in the order they joined. */
  public List<Member> members() {
    return List.copyOf(members.values());
  }

  public List<UserId> memberIds() {
    return Collections.unmodifiableList(new ArrayList<>(members.keySet()));
  }

  public boolean isMember(UserId user) {
    return members.containsKey(user);
  }

  public Optional<Member> member(UserId user) {
    return Optional.ofNullable(members.get(user));
  }

  /** In a private dialog, the user who is not {@code me}. */
  public Optional<UserId> otherUser(UserId me) {
    if (!isPrivate()) {
      return Optional.empty();
    }
    return members.keySet().stream().filter(u -> !u.equals(me)).findFirst();
  }

  /** What {@code viewer} calls this chat: the other user's id in a private dialog, else chat ID. */
  public DialogId dialogIdFor(UserId viewer) {
    if (isPrivate()) {
      return new DialogId.WithUser(otherUser(viewer).orElse(viewer));
    }
    return new DialogId.InChat(id);
  }

  /**
   * {@code actor} adds {@code users}; those who are members already are left out. Hidden history
   * means the newcomers see only messages after {@code lastMessageId}.
   *
   * @return the users added, in order
   */
  public List<UserId> addMembers(
      UserId actor, Collection<UserId> users, boolean hideHistory, long lastMessageId) {
    if (isPrivate()) {
      throw ChatRejection.refuse(ChatRejectionReason.ADD_USERS_FORBIDDEN);
    }
    if (!isMember(actor)) {
      throw ChatRejection.refuse(ChatRejectionReason.ALREADY_MEMBER);
    }
    List<UserId> added = new ArrayList<>();
    for (UserId user : users) {
      if (!members.containsKey(user)) {
        members.put(user, new Member(user, hideHistory ? lastMessageId : 0));
        added.add(user);
      }
    }
    if (added.isEmpty()) {
      throw ChatRejection.refuse(ChatRejectionReason.ALREADY_MEMBER);
    }
    return added;
  }

  /**
   * {@code actor} removes {@code user} (themselves: leaving). Only the owner removes others; the
   * owner may not leave while others remain.
   */
  public void removeMember(UserId actor, UserId user) {
    if (isPrivate()) {
      throw ChatRejection.refuse(ChatRejectionReason.DELETE_USERS_FORBIDDEN);
    }
    if (!isMember(user) || !isMember(actor) || (!actor.equals(user) && !actor.equals(owner))) {
      throw ChatRejection.refuse(ChatRejectionReason.NOT_MEMBER);
    }
    if (user.equals(owner) && members.size() > 1) {
      throw ChatRejection.refuse(ChatRejectionReason.OWNER_CANT_LEAVE);
    }
    members.remove(user);
  }

  /** The owner gives the chat to another member. */
  public void changeOwner(UserId actor, UserId newOwner) {
    if (isPrivate()) {
      throw ChatRejection.refuse(ChatRejectionReason.ACTION_UNAVAILABLE);
    }
    if (!actor.equals(owner) || !isMember(newOwner)) {
      throw ChatRejection.refuse(ChatRejectionReason.OWNER_CHANGE_REFUSED);
    }
    owner = newOwner;
  }

  /** A member renames the chat; {@code newTitle} is already trimmed and non-blank. */
  public void rename(UserId actor, String newTitle) {
    if (isPrivate() || !isMember(actor)) {
      throw ChatRejection.refuse(ChatRejectionReason.RENAME_FORBIDDEN);
    }
    title = newTitle;
  }

  /** Members keyed by user, for adapters that store them. */
  public Map<UserId, Member> memberMap() {
    return Collections.unmodifiableMap(members);
  }
}
