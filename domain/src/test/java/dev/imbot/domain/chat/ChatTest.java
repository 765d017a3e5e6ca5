package dev.imbot.domain.chat;

import static dev.imbot.domain.chat.TestChats.ANN;
import static dev.imbot.domain.chat.TestChats.BEN;
import static dev.imbot.domain.chat.TestChats.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.RejectedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTest {
  private static final UserId CAT = UserId.of(3);

  @Test
  void givenPrivateDialog_dialogIdFor_isTheOtherUserFromEachSide() {
    Chat dialog = Chat.privateDialog(ChatId.of(5), ANN, BEN, NOW);
    assertThat(dialog.dialogIdFor(ANN).wire()).isEqualTo("2");
    assertThat(dialog.dialogIdFor(BEN).wire()).isEqualTo("1");
  }

  @Test
  void givenGroup_dialogIdFor_isChatWithItsId() {
    assertThat(group().dialogIdFor(ANN).wire()).isEqualTo("chat20");
  }

  @Test
  void givenOwnerListedAmongUsers_group_holdsEachMemberOnceOwnerFirst() {
    Chat chat = TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN, ANN, BEN));
    assertThat(chat.memberIds()).containsExactly(ANN, BEN);
    assertThat(chat.owner()).isEqualTo(ANN);
  }

  @Test
  void givenHiddenHistory_addMembers_newcomerSeesOnlyLaterMessages() {
    Chat chat = group();
    assertThat(chat.addMembers(ANN, List.of(CAT, BEN), true, 41)).containsExactly(CAT);
    Member cat = chat.member(CAT).orElseThrow();
    assertThat(cat.sees(MessageId.of(41))).isFalse();
    assertThat(cat.sees(MessageId.of(42))).isTrue();
    assertThat(cat.seesHistory()).isFalse();
  }

  @Test
  void givenShownHistory_addMembers_newcomerSeesEverything() {
    Chat chat = group();
    chat.addMembers(BEN, List.of(CAT), false, 41);
    assertThat(chat.member(CAT).orElseThrow().seesHistory()).isTrue();
  }

  @Test
  void givenEveryoneAlreadyMember_addMembers_isRefused() {
    assertRefused(
        () -> group().addMembers(ANN, List.of(BEN), false, 0),
        "WRONG_REQUEST",
        "You don't have access or user already member in chat");
  }

  @Test
  void givenActorOutsideTheChat_addMembers_isRefused() {
    assertRefused(
        () -> group().addMembers(CAT, List.of(UserId.of(9)), false, 0),
        "WRONG_REQUEST",
        "You don't have access or user already member in chat");
  }

  @Test
  void givenPrivateDialog_addMembers_isForbidden() {
    Chat dialog = Chat.privateDialog(ChatId.of(5), ANN, BEN, NOW);
    assertRefused(
        () -> dialog.addMembers(ANN, List.of(CAT), false, 0),
        "ACCESS_ERROR",
        "It is forbidden to add users to this chat");
  }

  @Test
  void givenMember_removeThemselves_leaves() {
    Chat chat = group();
    chat.removeMember(BEN, BEN);
    assertThat(chat.isMember(BEN)).isFalse();
  }

  @Test
  void givenNonOwner_removeSomeoneElse_isRefused() {
    Chat chat = group();
    chat.addMembers(ANN, List.of(CAT), false, 0);
    assertRefused(
        () -> chat.removeMember(BEN, CAT),
        "WRONG_REQUEST",
        "You don't have access or user isn't member in chat");
    chat.removeMember(ANN, CAT);
    assertThat(chat.isMember(CAT)).isFalse();
  }

  @Test
  void givenOwnerWithOthersLeft_leave_isRefused() {
    Chat chat = group();
    assertThatThrownBy(() -> chat.removeMember(ANN, ANN))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ChatRejectionReason.OWNER_CANT_LEAVE));
  }

  @Test
  void givenOwnerAndMember_changeOwner_movesOwnership() {
    Chat chat = group();
    chat.changeOwner(ANN, BEN);
    assertThat(chat.owner()).isEqualTo(BEN);
    assertRefused(
        () -> chat.changeOwner(ANN, BEN),
        "WRONG_REQUEST",
        "Change owner can only owner and user must be member in chat");
    assertRefused(
        () -> chat.changeOwner(BEN, CAT),
        "WRONG_REQUEST",
        "Change owner can only owner and user must be member in chat");
  }

  @Test
  void givenMemberOrNot_rename_renamesOrIsForbidden() {
    Chat chat = group();
    chat.rename(BEN, "New");
    assertThat(chat.title()).isEqualTo("New");
    assertRefused(() -> chat.rename(CAT, "x"), "ACCESS_ERROR", "This chat cannot be renamed");
  }

  @Test
  void givenLinesEntity_isOpenLine_onlyForGroupChats() {
    assertThat(TestChats.group(ChatType.GROUP, "LINES", ANN, List.of()).isOpenLine()).isTrue();
    assertThat(TestChats.group(ChatType.OPEN, "LINES", ANN, List.of()).isOpenLine()).isTrue();
    assertThat(group().isOpenLine()).isFalse();
  }

  private static Chat group() {
    return TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN));
  }

  static void assertRefused(Runnable call, String code, String text) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.rejection().error().code()).isEqualTo(code);
              assertThat(e.rejection().error().description()).isEqualTo(text);
            });
  }
}
