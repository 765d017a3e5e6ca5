package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who an issued OAuth token acts as, over real HTTP: its user. A person's token posts, reads and
 * answers {@code profile} / {@code user.current} as that person; a token minted for one of its
 * application's bots acts as the bot.
 */
@MicronautTest
class TokenActorWireTest extends WireTest {
  @Inject AdministerPeopleUseCase people;
  @Inject OAuthTokensUseCase tokens;

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(Wire.Response response) {
    return (Map<String, Object>) assertSuccess(response);
  }

  private long personNamed(String name) {
    return people.add(new AddPersonCommand(name, null)).id().value();
  }

  /** A token of application {@code clientId} issued for {@code user}. */
  private String tokenFor(String clientId, long user) {
    return tokens.issue(ApplicationKey.of(clientId), UserId.of(user)).accessToken();
  }

  /** {@code profile} and {@code user.current} with {@code token} answer user {@code id}. */
  private void assertProfileAndUserCurrentAnswer(
      String token, long id, String name, String userType) {
    assertThat(object(wire.get("/rest/profile?auth=" + token)))
        .containsEntry("ID", String.valueOf(id))
        .containsEntry("ADMIN", false)
        .containsEntry("NAME", name);
    assertThat(object(wire.get("/rest/user.current?auth=" + token)))
        .containsEntry("ID", String.valueOf(id))
        .containsEntry("USER_TYPE", userType);
  }

  /** The newest message of user 1's dialog with {@code dialog}, read through a webhook. */
  private Map<?, ?> newestSeenByUser1(long dialog) {
    Map<String, Object> page =
        object(
            wire.postForm(
                webhook() + "im.dialog.messages.get",
                PhpQuery.build(params("DIALOG_ID", String.valueOf(dialog)))));
    return newest(page);
  }

  /** The newest message of an {@code im.dialog.messages.get} page. */
  private static Map<?, ?> newest(Map<String, Object> page) {
    return (Map<?, ?>) ((List<?>) page.get("messages")).get(0);
  }

  @Test
  void givenPersonsToken_imMessageAdd_isAuthoredByThatPersonNotByUser1() {
    String clientId = unique("actor.app");
    applicationToken(clientId);
    long person = personNamed("Token Person");
    assertThat(person).isNotEqualTo(1);
    String token = tokenFor(clientId, person);

    long id =
        assertInteger(
            assertSuccess(
                callWithToken(
                    "im.message.add", params("DIALOG_ID", "1", "MESSAGE", "from a token"), token)));

    Map<String, Object> page =
        object(callWithToken("im.dialog.messages.get", params("DIALOG_ID", "1"), token));
    Map<?, ?> message = newest(page);
    assertThat(assertInteger(message.get("id"))).isEqualTo(id);
    assertThat(assertInteger(message.get("author_id"))).isEqualTo(person);
    Map<?, ?> seenByUser1 = newestSeenByUser1(person);
    assertThat(assertInteger(seenByUser1.get("author_id")))
        .as("user 1 sees the message in their dialog with the token's person")
        .isEqualTo(person);
  }

  @Test
  void givenPersonsToken_profileAndUserCurrent_answerThatPerson() {
    String clientId = unique("actor.app");
    applicationToken(clientId);
    long person = personNamed("Profile Person");
    String token = tokenFor(clientId, person);

    assertProfileAndUserCurrentAnswer(token, person, "Profile Person", "employee");
  }

  @Test
  void givenBotsToken_profileUserCurrentAndImMessageAdd_actAsTheBot() {
    String clientId = unique("actor.app");
    String staticToken = applicationToken(clientId);
    long bot = registerWithToken(minimalBot(null, unique("actorbot"), "Actor Bot"), staticToken);
    String token = tokenFor(clientId, bot);

    assertProfileAndUserCurrentAnswer(token, bot, "Actor Bot", "bot");
    long id =
        assertInteger(
            assertSuccess(
                callWithToken(
                    "im.message.add", params("DIALOG_ID", "1", "MESSAGE", "from the bot"), token)));
    Map<?, ?> message = newestSeenByUser1(bot);
    assertThat(assertInteger(message.get("id"))).isEqualTo(id);
    assertThat(assertInteger(message.get("author_id"))).isEqualTo(bot);
  }
}
