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

  private Wire.Response withToken(String method, Map<String, Object> parameters, String token) {
    return wire.postForm("/rest/" + method, PhpQuery.build(parameters) + "&auth=" + token);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(Wire.Response response) {
    return (Map<String, Object>) assertSuccess(response);
  }

  private long personNamed(String name) {
    return people.add(new AddPersonCommand(name, null)).id().value();
  }

  @Test
  void givenPersonsToken_imMessageAdd_isAuthoredByThatPersonNotByUser1() {
    String clientId = unique("actor.app");
    applicationToken(clientId);
    long person = personNamed("Token Person");
    assertThat(person).isNotEqualTo(1);
    String token = tokens.issue(ApplicationKey.of(clientId), UserId.of(person)).accessToken();

    long id =
        assertInteger(
            assertSuccess(
                withToken(
                    "im.message.add", params("DIALOG_ID", "1", "MESSAGE", "from a token"), token)));

    Map<String, Object> page =
        object(withToken("im.dialog.messages.get", params("DIALOG_ID", "1"), token));
    Map<?, ?> message = (Map<?, ?>) ((List<?>) page.get("messages")).get(0);
    assertThat(assertInteger(message.get("id"))).isEqualTo(id);
    assertThat(assertInteger(message.get("author_id"))).isEqualTo(person);
    Map<String, Object> ownerView =
        object(
            wire.postForm(
                webhook() + "im.dialog.messages.get",
                PhpQuery.build(params("DIALOG_ID", String.valueOf(person)))));
    Map<?, ?> seenByUser1 = (Map<?, ?>) ((List<?>) ownerView.get("messages")).get(0);
    assertThat(assertInteger(seenByUser1.get("author_id")))
        .as("user 1 sees the message in their dialog with the token's person")
        .isEqualTo(person);
  }

  @Test
  void givenPersonsToken_profileAndUserCurrent_answerThatPerson() {
    String clientId = unique("actor.app");
    applicationToken(clientId);
    long person = personNamed("Profile Person");
    String token = tokens.issue(ApplicationKey.of(clientId), UserId.of(person)).accessToken();

    assertThat(object(wire.get("/rest/profile?auth=" + token)))
        .containsEntry("ID", String.valueOf(person))
        .containsEntry("ADMIN", false)
        .containsEntry("NAME", "Profile Person");
    assertThat(object(wire.get("/rest/user.current?auth=" + token)))
        .containsEntry("ID", String.valueOf(person))
        .containsEntry("USER_TYPE", "employee");
  }

  @Test
  void givenBotsToken_profileUserCurrentAndImMessageAdd_actAsTheBot() {
    String clientId = unique("actor.app");
    String staticToken = applicationToken(clientId);
    long bot =
        assertInteger(
            assertSuccess(
                wire.postForm(
                    "/rest/imbot.register",
                    PhpQuery.build(minimalBot(null, unique("actorbot"), "Actor Bot"))
                        + "&auth="
                        + staticToken)));
    String token = tokens.issue(ApplicationKey.of(clientId), UserId.of(bot)).accessToken();

    assertThat(object(wire.get("/rest/profile?auth=" + token)))
        .containsEntry("ID", String.valueOf(bot))
        .containsEntry("ADMIN", false)
        .containsEntry("NAME", "Actor Bot");
    assertThat(object(wire.get("/rest/user.current?auth=" + token)))
        .containsEntry("ID", String.valueOf(bot))
        .containsEntry("USER_TYPE", "bot");
    long id =
        assertInteger(
            assertSuccess(
                withToken(
                    "im.message.add", params("DIALOG_ID", "1", "MESSAGE", "from the bot"), token)));
    Map<String, Object> page =
        object(
            wire.postForm(
                webhook() + "im.dialog.messages.get",
                PhpQuery.build(params("DIALOG_ID", String.valueOf(bot)))));
    Map<?, ?> message = (Map<?, ?>) ((List<?>) page.get("messages")).get(0);
    assertThat(assertInteger(message.get("id"))).isEqualTo(id);
    assertThat(assertInteger(message.get("author_id"))).isEqualTo(bot);
  }
}
