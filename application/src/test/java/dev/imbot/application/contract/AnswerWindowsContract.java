package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link AnswerWindows}, run against every adapter. */
public abstract class AnswerWindowsContract extends PortalContract {
  private BotId echo;
  private BotId other;
  private ChatId dialog;
  private ChatId otherDialog;

  @BeforeEach
  void botsAndChats() {
    echo = registerMinimal(APP, "echo");
    other = registerMinimal(APP, "other");
    UserId ann = UserId.of(portal.addPerson(Email.of("ann@example.com")));
    UserId ben = UserId.of(portal.addPerson(Email.of("ben@example.com")));
    dialog = inUnitOfWork(() -> portal.chats().openPrivate(ann, echo.userId(), NOW).chat().id());
    otherDialog =
        inUnitOfWork(() -> portal.chats().openPrivate(ben, echo.userId(), NOW).chat().id());
  }

  private AnswerWindows windows() {
    return portal.answerWindows();
  }

  private void sent(BotId bot, ChatId chat, java.time.Instant at) {
    inUnitOfWork(() -> windows().commandSent(bot, chat, at));
  }

  @Test
  void givenNoCommandSent_lastCommandSent_isEmpty() {
    assertThat(windows().lastCommandSent(echo, dialog)).isEmpty();
  }

  @Test
  void givenCommandsSent_lastCommandSent_isTheLatestPerBotAndChat() {
    sent(echo, dialog, NOW);
    sent(echo, dialog, NOW.plus(Duration.ofMinutes(3)));
    sent(other, otherDialog, NOW.plusSeconds(1));

    assertThat(windows().lastCommandSent(echo, dialog)).contains(NOW.plus(Duration.ofMinutes(3)));
    assertThat(windows().lastCommandSent(echo, otherDialog)).isEmpty();
    assertThat(windows().lastCommandSent(other, otherDialog)).contains(NOW.plusSeconds(1));
  }

  @Test
  void givenBotDeleted_itsWindows_areGone() {
    sent(echo, dialog, NOW);

    inUnitOfWork(() -> portal.bots().delete(echo));

    assertThat(windows().lastCommandSent(echo, dialog)).isEmpty();
  }
}
