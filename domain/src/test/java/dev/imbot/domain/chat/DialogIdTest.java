package dev.imbot.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.RejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DialogIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"27", " 27 ", "027"})
  void givenUserId_parse_namesThePrivateDialog(String raw) {
    assertThat(DialogId.parse(raw)).isEqualTo(new DialogId.WithUser(UserId.of(27)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"chat15", "CHAT15", "Chat15"})
  void givenChatInAnyCase_parse_namesTheChat(String raw) {
    DialogId id = DialogId.parse(raw);
    assertThat(id).isEqualTo(new DialogId.InChat(ChatId.of(15)));
    assertThat(id.wire()).isEqualTo("chat15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sg4", "crm7"})
  void givenSubsystemChat_parse_isForeign(String raw) {
    assertThat(DialogId.parse(raw)).isInstanceOf(DialogId.Foreign.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "0",
        "chat0",
        "chat",
        "-1",
        "12abc",
        "chat 1",
        "user1",
        "1.5",
        "9999999999999999999"
      })
  void givenInvalidDialogId_parse_isRefusedAsEmpty(String raw) {
    assertThatThrownBy(() -> DialogId.parse(raw))
        .isInstanceOf(RejectedException.class)
        .hasMessage("DIALOG_ID_EMPTY: Dialog ID can't be empty");
  }
}
