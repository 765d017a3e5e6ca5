package dev.imbot.domain.command;

import static dev.imbot.domain.chat.TestChats.ANN;
import static dev.imbot.domain.chat.TestChats.APP;
import static dev.imbot.domain.chat.TestChats.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.TestChats;
import dev.imbot.domain.command.CommandRecognition.Candidate;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandRecognitionTest {
  private static final MemberBot ECHO = TestChats.bot(567, APP, BotType.BOT, false);
  private static final MemberBot LINES = TestChats.bot(568, APP, BotType.BOT, true);
  private static final MemberBot OTHER = TestChats.bot(569, APP, BotType.BOT, false);

  private final List<RegisteredCommand> registered = new ArrayList<>();

  private Function<CommandName, List<RegisteredCommand>> lookup() {
    return name -> registered.stream().filter(c -> c.command().name().equals(name)).toList();
  }

  private RegisteredCommand register(long id, MemberBot bot, String name, boolean common) {
    RegisteredCommand command = TestCommands.command(id, bot, name, common);
    registered.add(command);
    return command;
  }

  private List<CommandCall> typed(Chat chat, String text) {
    return CommandRecognition.typed(chat, ANN, false, false, text, lookup());
  }

  private static List<String> described(List<CommandCall> calls) {
    return calls.stream()
        .map(c -> c.command().id() + " " + c.command().name() + " '" + c.params() + "'")
        .toList();
  }

  // --- lines ---

  @ParameterizedTest(name = "[{0}] -> {1} with ''{2}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "/echo test|echo|test",
        "/echo|echo|''",
        "/echo  two spaces|echo|' two spaces'",
        "/echoList|echoList|''",
        "/a/b c|a/b|c",
      })
  void givenCommandLine_candidates_splitAtTheFirstSpace(String line, String name, String params) {
    assertThat(CommandRecognition.candidates(line)).containsExactly(new Candidate(name, params));
  }

  @Test
  void givenSeveralLines_candidates_areEveryLineStartingWithASlash() {
    assertThat(CommandRecognition.candidates("hello\n/echo one\r\n not /this\n/help\n"))
        .containsExactly(new Candidate("echo", "one"), new Candidate("help", ""));
  }

  @Test
  void givenTextWithoutCommandLines_typed_callsNothing() {
    register(1, ECHO, "echo", true);
    assertThat(typed(TestChats.privateWith(ANN, ECHO), "please echo /echo")).isEmpty();
  }

  // --- where a command is available ---

  @Test
  void givenPrivateDialogWithTheBot_typed_callsItsCommand() {
    register(1, ECHO, "echo", false);
    assertThat(described(typed(TestChats.privateWith(ANN, ECHO), "/echo test")))
        .containsExactly("1 echo 'test'");
  }

  @Test
  void givenPrivateDialogWithAnotherBot_typed_callsOnlyCommonCommands() {
    register(1, ECHO, "echo", false);
    register(2, OTHER, "echo", true);
    assertThat(described(typed(TestChats.privateWith(ANN, OTHER), "/echo x")))
        .containsExactly("2 echo 'x'");
  }

  @Test
  void givenPrivateDialogOfTwoPeople_typed_callsOnlyCommonCommands() {
    register(1, ECHO, "echo", false);
    register(2, OTHER, "echo", true);
    Chat people = Chat.privateDialog(dev.imbot.domain.chat.ChatId.of(9), ANN, BEN, TestChats.NOW);
    assertThat(described(typed(people, "/echo"))).containsExactly("2 echo ''");
  }

  @Test
  void givenGroupChat_typed_callsCommandsOfMemberBotsAndCommonOnes() {
    register(1, ECHO, "echo", false);
    register(2, OTHER, "echo", false);
    register(3, LINES, "echo", true);
    Chat chat = TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN, ECHO.userId()));
    assertThat(described(typed(chat, "/echo hi"))).containsExactly("1 echo 'hi'", "3 echo 'hi'");
  }

  @Test
  void givenGroupChatWithoutTheBot_typed_ignoresItsCommandUnlessCommon() {
    register(1, ECHO, "echo", false);
    Chat chat = TestChats.group(ChatType.OPEN, null, ANN, List.of(BEN));
    assertThat(typed(chat, "/echo hi")).isEmpty();

    registered.clear();
    register(1, ECHO, "echo", true);
    assertThat(described(typed(chat, "/echo hi"))).containsExactly("1 echo 'hi'");
  }

  @Test
  void givenOpenLineChat_typed_callsOnlyCommandsOfOpenLinesBots() {
    register(1, ECHO, "echo", true);
    register(2, LINES, "echo", false);
    Chat chat =
        TestChats.group(
            ChatType.GROUP, Chat.OPEN_LINES_ENTITY, ANN, List.of(ECHO.userId(), LINES.userId()));
    assertThat(described(typed(chat, "/echo"))).containsExactly("2 echo ''");
  }

  @Test
  void givenLiveChat_typed_callsNothing() {
    register(1, ECHO, "echo", true);
    Chat chat = TestChats.group(ChatType.GROUP, "LIVECHAT", ANN, List.of(ECHO.userId()));
    assertThat(typed(chat, "/echo")).isEmpty();
  }

  // --- who writes ---

  @Test
  void givenBotOrSystemMessage_typed_callsNothing() {
    register(1, ECHO, "echo", true);
    Chat chat = TestChats.privateWith(ANN, ECHO);
    assertThat(CommandRecognition.typed(chat, ECHO.userId(), true, false, "/echo", lookup()))
        .isEmpty();
    assertThat(CommandRecognition.typed(chat, ANN, false, true, "/echo", lookup())).isEmpty();
  }

  // --- names ---

  @Test
  void givenNameInAnotherCase_typed_doesNotMatch() {
    register(1, ECHO, "echo", true);
    assertThat(typed(TestChats.privateWith(ANN, ECHO), "/Echo")).isEmpty();
  }

  @Test
  void givenBareSlash_typed_callsNothing() {
    register(1, ECHO, "echo", true);
    assertThat(typed(TestChats.privateWith(ANN, ECHO), "/ echo")).isEmpty();
  }

  // --- duplicates and the limit ---

  @Test
  void givenTheSameLineTwice_typed_callsTheCommandOnce() {
    register(1, ECHO, "echo", true);
    assertThat(described(typed(TestChats.privateWith(ANN, ECHO), "/echo a\n/echo a\n/echo b")))
        .containsExactly("1 echo 'a'", "1 echo 'b'");
  }

  @Test
  void givenMoreThanTenCommandLines_typed_callsTheFirstTen() {
    register(1, ECHO, "echo", true);
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      text.append("/echo ").append(i).append('\n');
    }
    List<CommandCall> calls = typed(TestChats.privateWith(ANN, ECHO), text.toString());
    assertThat(calls).hasSize(CommandRecognition.MAX_CALLS);
    assertThat(calls.get(9).params()).isEqualTo("10");
    assertThat(calls).allMatch(c -> c.context() == CommandContext.TEXTAREA);
  }

  // --- buttons ---

  @Test
  void givenButtonOfTheBotInItsPrivateDialog_pressed_callsItWithKeyboardContext() {
    RegisteredCommand echo = register(1, ECHO, "echoList", false);
    List<CommandCall> calls =
        CommandRecognition.pressed(TestChats.privateWith(ANN, ECHO), ANN, "page 2", List.of(echo));
    assertThat(described(calls)).containsExactly("1 echoList 'page 2'");
    assertThat(calls.get(0).context()).isEqualTo(CommandContext.KEYBOARD);
  }

  @Test
  void givenButtonInAChatWithoutItsBot_pressed_callsNothingUnlessCommon() {
    RegisteredCommand echo = register(1, ECHO, "echo", false);
    Chat chat = TestChats.group(ChatType.GROUP, null, ANN, List.of(BEN));
    assertThat(CommandRecognition.pressed(chat, ANN, "", List.of(echo))).isEmpty();
  }

  @Test
  void givenPersonOutsideThePrivateDialog_isAvailable_isFalse() {
    RegisteredCommand echo = register(1, ECHO, "echo", false);
    assertThat(
            CommandRecognition.isAvailable(echo, TestChats.privateWith(ANN, ECHO), UserId.of(99)))
        .isFalse();
  }
}
