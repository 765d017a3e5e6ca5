package dev.imbot.application.contract;

import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.application.port.out.chat.Messages;

/** Test fixture: a {@link TestPortal} that also stores chats and messages. */
public interface TestMessengerPortal extends TestPortal {

  Chats chats();

  Messages messages();
}
