package dev.imbot.application.port.in.chat;

import java.util.List;

/**
 * A page of a user's chats.
 *
 * @param chats the page, newest chat first
 * @param total how many chats the user is in
 */
public record ChatList(List<ChatListing> chats, long total) {

  public ChatList {
    chats = List.copyOf(chats);
  }
}
