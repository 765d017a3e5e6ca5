package dev.imbot.domain.chat;

/**
 * What a chat's creator may say about it; every field may be null.
 *
 * @param title the title ({@code TITLE})
 * @param description the description ({@code DESCRIPTION})
 * @param color the colour name ({@code COLOR})
 * @param entityType the entity binding's type ({@code ENTITY_TYPE}), {@code LINES} for open lines
 * @param entityId the entity binding's id ({@code ENTITY_ID})
 */
public record ChatDetails(
    String title, String description, String color, String entityType, String entityId) {
  /** Nothing said. */
  public static final ChatDetails NONE = new ChatDetails(null, null, null, null, null);
}
