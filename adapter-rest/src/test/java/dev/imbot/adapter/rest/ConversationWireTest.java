package dev.imbot.adapter.rest;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the wire tests of conversations: Ann is portal user 1 (her webhook), Ben a second person
 * (his webhook), and a bot of a webhook-keyed application ({@code CLIENT_ID}) to talk to.
 */
abstract class ConversationWireTest extends WireTest {
  @Inject AdministerPeopleUseCase people;

  /** Ann's webhook path. */
  String ann;

  /** Ben's webhook path. */
  String ben;

  long benId;

  /** The bot's application's {@code CLIENT_ID}. */
  String client;

  long bot;

  @BeforeEach
  void people() {
    ann = webhook();
    benId = people.add(new AddPersonCommand("Ben", unique("ben") + "@example.com")).id().value();
    ben = webhooks.create(benId).restPath();
    client = unique("app");
    bot = register(ann, minimalBot(client, unique("echo"), "Echo"));
  }
}
