package dev.imbot.domain.chat;

import static dev.imbot.domain.chat.ChatTest.assertRefused;
import static dev.imbot.domain.chat.TestChats.ANN;
import static dev.imbot.domain.chat.TestChats.BEN;
import static dev.imbot.domain.chat.TestChats.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTest {
  private static final String CANT = "Time has expired for modification or you don't have access";

  @Test
  void givenAuthorWithinTheWindow_edit_replacesTextAndMarksEdited() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    EditWindow.DEFAULT.check(message, ANN, NOW.plus(Duration.ofDays(3)));
    message.edit(
        new MessageChange(
            Optional.of("new"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true));
    assertThat(message.text()).isEqualTo("new");
    assertThat(message.isEdited()).isTrue();
  }

  @Test
  void givenWindowPassed_check_isRefused() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    assertRefused(
        () -> EditWindow.DEFAULT.check(message, ANN, NOW.plus(Duration.ofDays(3)).plusSeconds(1)),
        "CANT_EDIT_MESSAGE",
        CANT);
  }

  @Test
  void givenConfiguredWindow_check_followsIt() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    EditWindow hour = new EditWindow(Duration.ofHours(1));
    assertThat(hour.allows(message, ANN, NOW.plusSeconds(3600))).isTrue();
    assertThat(hour.allows(message, ANN, NOW.plusSeconds(3601))).isFalse();
  }

  @Test
  void givenSomeoneElse_check_isRefused() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    assertRefused(() -> EditWindow.DEFAULT.check(message, BEN, NOW), "CANT_EDIT_MESSAGE", CANT);
  }

  @Test
  void givenDeletedMessage_check_isRefused() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    message.markDeleted();
    assertRefused(() -> EditWindow.DEFAULT.check(message, ANN, NOW), "CANT_EDIT_MESSAGE", CANT);
  }

  @Test
  void givenMessage_markDeleted_showsThePlaceholderWithItsDate() {
    Message message = TestChats.message(7, ANN, "old", NOW);
    message.markDeleted();
    assertThat(message.text()).isEqualTo("Message from 2026-12-04 10:15:00 was deleted");
    assertThat(message.isDeleted()).isTrue();
  }

  @Test
  void givenLikes_like_togglesAndRefusesNoChange() {
    Message message = TestChats.message(7, ANN, "hi", NOW);
    assertThat(message.like(BEN, LikeAction.AUTO)).isTrue();
    assertRefused(
        () -> message.like(BEN, LikeAction.PLUS),
        "WITHOUT_CHANGES",
        "Action completed without changes");
    assertThat(message.like(BEN, LikeAction.AUTO)).isFalse();
    assertRefused(
        () -> message.like(BEN, LikeAction.MINUS),
        "WITHOUT_CHANGES",
        "Action completed without changes");
    assertThat(message.like(BEN, LikeAction.fromWire("PLUS"))).isTrue();
    assertThat(message.likes()).containsExactly(BEN);
  }

  @Test
  void givenUnknownAction_fromWire_isAuto() {
    assertThat(LikeAction.fromWire("toggle")).isEqualTo(LikeAction.AUTO);
    assertThat(LikeAction.fromWire(null)).isEqualTo(LikeAction.AUTO);
    assertThat(LikeAction.fromWire(" Minus ")).isEqualTo(LikeAction.MINUS);
  }

  @Test
  void givenSystemMessage_posted_hasAuthorIdZero() {
    Message message =
        Message.posted(MessageId.of(1), ChatId.of(1), null, NOW, MessageContent.text("x"), false);
    assertThat(message.authorWireId()).isZero();
    assertThat(message.isSystem()).isTrue();
  }
}
