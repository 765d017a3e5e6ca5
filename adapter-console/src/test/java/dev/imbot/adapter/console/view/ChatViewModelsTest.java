package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.chat.ChatListing;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageChange;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Chat page's view models: messages as the acting person sees them, the chat list, links. */
class ChatViewModelsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
  private static final ChatUser ANN = new ChatUser(1, "Ann", "Lee", "", "F", false);
  private static final ChatUser ECHO = new ChatUser(7, "Echo", "Bot", "", "", true);
  private static final Map<Long, ChatUser> USERS = Map.of(1L, ANN, 7L, ECHO);

  private static Message message(long id, long author, String text) {
    return Message.posted(
        MessageId.of(id),
        ChatId.of(3),
        author == 0 ? null : UserId.of(author),
        NOW,
        MessageContent.text(text),
        false);
  }

  @Test
  void givenTheActingPersonsMessage_of_isTheirsToEditAndDelete() {
    ChatMessage mine = ChatMessage.of(message(10, 1, "Hi [b]bot[/b]"), 1, USERS, List.of());

    assertThat(mine.mine()).isTrue();
    assertThat(mine.authorName()).isEqualTo("Ann Lee");
    assertThat(mine.authorInitials()).isEqualTo("AL");
    assertThat(mine.fromBot()).isFalse();
    assertThat(mine.time()).isEqualTo("2026-12-04 10:15:30");
    assertThat(mine.text()).isEqualTo("Hi [b]bot[/b]");
    assertThat(mine.html()).isEqualTo("Hi <strong>bot</strong>");
    assertThat(mine.anchor()).isEqualTo("message-10");
  }

  @Test
  void givenABotsAnswer_of_isNotTheirsAndShowsTheBot() {
    ChatMessage answer = ChatMessage.of(message(11, 7, "<script>x</script>"), 1, USERS, List.of());

    assertThat(answer.mine()).isFalse();
    assertThat(answer.fromBot()).isTrue();
    assertThat(answer.authorName()).isEqualTo("Echo Bot");
    assertThat(answer.html()).isEqualTo("&lt;script&gt;x&lt;/script&gt;");
  }

  @Test
  void givenEditedDeletedAndSystemMessages_of_marksThem() {
    Message edited = message(12, 1, "first");
    edited.edit(
        new MessageChange(
            Optional.of("second"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true));
    Message deleted = message(13, 1, "gone");
    deleted.markDeleted();

    assertThat(ChatMessage.of(edited, 1, USERS, List.of()).edited()).isTrue();
    ChatMessage shownDeleted = ChatMessage.of(deleted, 1, USERS, List.of());
    assertThat(shownDeleted.deleted()).isTrue();
    assertThat(shownDeleted.mine()).as("a deleted message has nothing left to change").isFalse();
    assertThat(shownDeleted.text()).isEqualTo("Message from 2026-12-04 10:15:30 was deleted");
    assertThat(ChatMessage.of(message(14, 0, "joined"), 1, USERS, List.of()).authorName())
        .isEqualTo("System");
    assertThat(ChatMessage.of(message(15, 99, "?"), 1, USERS, List.of()).authorName())
        .isEqualTo("User 99");
  }

  @Test
  void givenDeliveries_badges_sayEventApplicationStatusAndAttempts() {
    DeliveryBadge dead = new DeliveryBadge("ONIMBOTMESSAGEADD", "app.alpha", "dead", 3, "HTTP 500");
    DeliveryBadge done = new DeliveryBadge("ONIMBOTMESSAGEADD", "app.alpha", "delivered", 1, "");

    assertThat(dead.label()).isEqualTo("ONIMBOTMESSAGEADD to app.alpha: dead");
    assertThat(dead.title()).isEqualTo("3 attempts; last: HTTP 500");
    assertThat(done.title()).isEqualTo("1 attempt");
  }

  @Test
  void givenADeadDelivery_of_readsItsEventApplicationStatusAndCause() {
    PendingEvent event =
        new PendingEvent(
            ApplicationKey.of("app.alpha"),
            "ONIMBOTMESSAGEADD",
            1,
            HandlerUrl.of("https://bot.example.com/h"),
            EventData.empty(),
            AuthSubjects.none(),
            NOW);
    Delivery dead =
        new Delivery(7, event, DeliveryStatus.DEAD, 5, NOW, null, null, "HTTP 500 from handler");

    assertThat(DeliveryBadge.of(dead))
        .isEqualTo(
            new DeliveryBadge(
                "ONIMBOTMESSAGEADD", "app.alpha", "dead", 5, "HTTP 500 from handler"));
    assertThat(DeliveryBadge.of(Delivery.enqueued(8, event)).status()).isEqualTo("pending");
  }

  @Test
  void givenListings_chatEntry_namesTheKindAndMarksTheOpenOne() {
    ChatListing dialog =
        new ChatListing(ChatId.of(3), ChatType.PRIVATE, "7", "Echo Bot", ECHO, 2, 11);
    ChatListing group = new ChatListing(ChatId.of(4), ChatType.GROUP, "chat4", "Team", null, 3, 0);

    ChatEntry open = ChatEntry.of(dialog, 1, "7");
    assertThat(open.kind()).isEqualTo("Dialog with a bot");
    assertThat(open.current()).isTrue();
    assertThat(open.href()).isEqualTo("/console/chat?as=1&dialog=7");
    assertThat(open.initials()).isEqualTo("EB");
    ChatEntry other = ChatEntry.of(group, 1, "7");
    assertThat(other.kind()).isEqualTo("Group chat, 3 members");
    assertThat(other.current()).isFalse();
  }

  @Test
  void givenPeers_mention_isTheUserTagWithBracketsInTheNameDefused() {
    assertThat(ChatPeer.of(ECHO).mention()).isEqualTo("[USER=7]Echo Bot[/USER]");
    assertThat(new ChatPeer(5, "Odd [x]", "person", false).mention())
        .isEqualTo("[USER=5]Odd (x)[/USER]");
    ChatDialog dialog =
        new ChatDialog(
            "Team",
            "Group chat",
            List.of(ChatPeer.of(ECHO), ChatPeer.of(ANN)),
            new ChatMessages(1, "chat4", "t", List.of(), false, List.of()));
    assertThat(dialog.mentionList()).isEqualTo("7|Echo Bot\n1|Ann Lee\n");
  }

  @Test
  void givenUsersTyping_typingLine_namesThem() {
    assertThat(new ChatMessages(1, "7", "t", List.of(), false, List.of()).typingLine()).isEmpty();
    assertThat(new ChatMessages(1, "7", "t", List.of(), false, List.of("Echo Bot")).typingLine())
        .isEqualTo("Echo Bot is typing\u2026");
    assertThat(
            new ChatMessages(1, "7", "t", List.of(), false, List.of("Ann", "Ben", "Echo"))
                .typingLine())
        .isEqualTo("Ann, Ben and Echo are typing\u2026");
  }

  @Test
  void givenAnOpenDialog_links_keepWhoActsAndWhichDialog() {
    ChatMessages messages = new ChatMessages(1, "chat4", "t", List.of(), false, List.of());

    assertThat(messages.liveHref()).isEqualTo("/console/chat/messages?as=1&dialog=chat4");
    assertThat(messages.editHref(12)).isEqualTo("/console/chat?as=1&dialog=chat4&edit=12#composer");
    assertThat(messages.dialogHref("7")).isEqualTo("/console/chat?as=1&dialog=7");
    assertThat(ChatPage.href(1, null)).isEqualTo("/console/chat?as=1");
  }

  @Test
  void givenAnEditedMessage_chatPage_putsItsTextInTheComposer() {
    ChatMessage mine = ChatMessage.of(message(10, 1, "typo"), 1, USERS, List.of());
    ChatPage page =
        new ChatPage(
            Layout.of("Chat", Section.CHAT, "t", null),
            1,
            List.of(),
            List.of(),
            new Paged<>(List.of(), 1, 1, 0),
            "",
            List.of(),
            "",
            List.of(),
            null,
            mine,
            "draft");
    assertThat(page.composerText()).isEqualTo("typo");
    assertThat(Optional.ofNullable(page.dialog())).isEmpty();
  }
}
