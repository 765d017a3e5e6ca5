package dev.imbot.domain.chat;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message: its chat, author (none for a system message), date, text and extras, and its later
 * life (edits, likes, deletion with a placeholder).
 */
public final class Message {
  private static final DateTimeFormatter PLACEHOLDER_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final MessageId id;
  private final ChatId chat;
  private final UserId author;
  private final Instant date;
  private String text;
  private String attach;
  private String keyboard;
  private String menu;
  private final boolean system;
  private boolean urlPreview;
  private boolean edited;
  private boolean deleted;
  private final LinkedHashSet<UserId> likes;

  private Message(
      MessageId id,
      ChatId chat,
      UserId author,
      Instant date,
      MessageContent content,
      boolean system,
      boolean edited,
      boolean deleted,
      Set<UserId> likes) {
    this.id = Objects.requireNonNull(id, "id");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.author = author;
    this.date = Objects.requireNonNull(date, "date");
    this.text = MessageText.fitted(Objects.requireNonNull(content.text(), "text"));
    this.attach = content.attach();
    this.keyboard = content.keyboard();
    this.menu = content.menu();
    this.urlPreview = content.urlPreview();
    this.system = system;
    this.edited = edited;
    this.deleted = deleted;
    this.likes = new LinkedHashSet<>(likes);
  }

  /** A new message; {@code author} null for a system message. Over-long text is cut. */
  public static Message posted(
      MessageId id,
      ChatId chat,
      UserId author,
      Instant date,
      MessageContent content,
      boolean system) {
    return new Message(
        id, chat, author, date, content, system || author == null, false, false, Set.of());
  }

  /** A stored message as it was. */
  public static Message restore(
      MessageId id,
      ChatId chat,
      UserId author,
      Instant date,
      MessageContent content,
      boolean system,
      boolean edited,
      boolean deleted,
      Set<UserId> likes) {
    return new Message(id, chat, author, date, content, system, edited, deleted, likes);
  }

  public MessageId id() {
    return id;
  }

  public ChatId chat() {
    return chat;
  }

  /** The author; empty for a system message ({@code author_id} 0). */
  public Optional<UserId> author() {
    return Optional.ofNullable(author);
  }

  /** {@code author_id} on the wire: 0 for a system message. */
  public long authorWireId() {
    return author == null ? 0 : author.value();
  }

  public Instant date() {
    return date;
  }

  public String text() {
    return text;
  }

  public MessageContent content() {
    return new MessageContent(text, attach, keyboard, menu, urlPreview);
  }

  public boolean isSystem() {
    return system;
  }

  public boolean isEdited() {
    return edited;
  }

  public boolean isDeleted() {
    return deleted;
  }

  /**
   * Whether its keyboard has a button that carries {@code command} (a leading slash ignored) with
   * {@code params} for {@code bot}; a button of a keyboard that names no bot carries it for any.
   */
  public boolean hasCommandButton(BotId bot, String command, String params) {
    String wanted = MessageExtras.withoutSlash(command);
    return MessageExtras.commandButtons(keyboard).stream()
        .anyMatch(
            button ->
                button.command().equals(wanted)
                    && button.params().equals(params)
                    && (button.botId() == null || button.botId().strip().equals(bot.toString())));
  }

  /** Who liked it, in order. */
  public List<UserId> likes() {
    return List.copyOf(likes);
  }

  /**
   * Applies an edit the caller is allowed to make (see {@link EditWindow}): each part of {@code
   * change} that is present replaces the current one.
   */
  public void edit(MessageChange change) {
    change.text().ifPresent(t -> this.text = MessageText.fitted(t));
    change.attach().ifPresent(a -> this.attach = a.orElse(null));
    change.keyboard().ifPresent(k -> this.keyboard = k.orElse(null));
    change.menu().ifPresent(m -> this.menu = m.orElse(null));
    change.urlPreview().ifPresent(p -> this.urlPreview = p);
    if (change.marksEdited()) {
      this.edited = true;
    }
  }

  /** Replaces the message by its deletion placeholder; its extras and likes go. */
  public void markDeleted() {
    this.text = placeholder();
    this.attach = null;
    this.keyboard = null;
    this.menu = null;
    this.likes.clear();
    this.deleted = true;
  }

  /**
   * The placeholder a deleted message shows, e.g. {@code Message from 2026-12-04 10:15:00 was
   * deleted}.
   */
  public String placeholder() {
    return "Message from " + PLACEHOLDER_DATE.format(date) + " was deleted";
  }

  /**
   * {@code user} likes, unlikes or toggles; refused with {@code WITHOUT_CHANGES} when nothing would
   * change.
   *
   * @return whether the user likes it now
   */
  public boolean like(UserId user, LikeAction action) {
    boolean likes = this.likes.contains(user);
    boolean wanted =
        switch (action) {
          case AUTO -> !likes;
          case PLUS -> true;
          case MINUS -> false;
        };
    if (wanted == likes || deleted) {
      throw ChatRejection.refuse(ChatRejectionReason.WITHOUT_CHANGES);
    }
    if (wanted) {
      this.likes.add(user);
    } else {
      this.likes.remove(user);
    }
    return wanted;
  }
}
