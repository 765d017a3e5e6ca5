package dev.imbot.adapter.rest;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotRegistration;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotUpdate;
import dev.imbot.domain.bot.CodeUniquenessPolicy;
import dev.imbot.domain.bot.EmailDirectory;
import dev.imbot.domain.bot.EmailUniquenessPolicy;
import dev.imbot.domain.bot.TestBots;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.MessageExtras;
import dev.imbot.domain.command.CommandChange;
import dev.imbot.domain.command.CommandHandler;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.portal.AccessRejection;
import dev.imbot.domain.portal.AccessRejectionReason;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RejectionReason;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error tables of the project's documentation ({@code docs/methods/imbot.register.md}, {@code
 * docs/methods/bot-lifecycle.md}, {@code docs/methods/commands.md}, the authentication table of
 * {@code docs/transport.md}), their machine-readable copy {@code spec-error-table.tsv}, and {@link
 * ErrorAnswer} (the domain's codes and texts with the transport's statuses) agree: the docs and the
 * file hold the same rows, every line is produced by a rejection the domain builds, and every
 * rejection reason has a line.
 */
class BitrixErrorSpecTableTest {

  private static final String TABLE = "/spec-error-table.tsv";
  private static final String REGEX = "regex:";
  private static final List<String> HEADER =
      List.of("source", "http_status", "error", "error_description");

  /** The documentation, relative to the module directory Surefire runs in. */
  private static final Path DOCS = Path.of("..", "docs");

  /** The pages with error tables, relative to {@link #DOCS}. */
  private static final List<String> ERROR_PAGES =
      List.of(
          "methods/imbot.register.md",
          "methods/bot-lifecycle.md",
          "methods/commands.md",
          "transport.md");

  private static final String URL = "https://bot.example.com/handler";
  private static final String WRONG_URL = "http://localhost/x";
  private static final String FTP_URL = "ftp://bot.example.com/x";

  /** One line of the table; {@code number} is its line number in the file. */
  record Line(int number, String source, int httpStatus, String code, String description) {

    boolean matches(ErrorAnswer error) {
      return error.status() == httpStatus
          && error.code().equals(code)
          && (description.startsWith(REGEX)
              ? error.description().matches(description.substring(REGEX.length()))
              : error.description().equals(description));
    }

    @Override
    public String toString() {
      return "line "
          + number
          + ": "
          + source
          + " | "
          + httpStatus
          + " | "
          + code
          + " | "
          + description;
    }
  }

  private static List<String> rawLines() {
    try (InputStream in = BitrixErrorSpecTableTest.class.getResourceAsStream(TABLE)) {
      assertThat(in).as(TABLE + " on the test classpath").isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Line> lines() {
    List<String> raw = rawLines();
    List<Line> lines = new ArrayList<>();
    boolean headerSeen = false;
    for (int i = 0; i < raw.size(); i++) {
      String text = raw.get(i);
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      List<String> cells = List.of(text.split("\t", -1));
      if (!headerSeen) {
        assertThat(cells).as("header").isEqualTo(HEADER);
        headerSeen = true;
        continue;
      }
      assertThat(cells).as("line %d has four tab-separated cells", i + 1).hasSize(4);
      lines.add(
          new Line(
              i + 1, cells.get(0), Integer.parseInt(cells.get(1)), cells.get(2), cells.get(3)));
    }
    return lines;
  }

  // --- the rejections the domain builds, by source ---

  private static Rejection register(String code, Map<String, String> properties) {
    return rejectionOf(
        () ->
            BotRegistration.validate(code, "B", "N", TestBots.SEED_HANDLER, Map.of(), properties));
  }

  private static Map<String, String> seedWith(String key, String value) {
    Map<String, String> properties = TestBots.seedProperties();
    properties.put(key, value);
    return properties;
  }

  private static List<Rejection> registrationHandlerRejections(BotEvent event) {
    List<Rejection> rejections = new ArrayList<>();
    if (event.requiredAtRegistration()) {
      Map<BotEvent, String> missing = TestBots.allHandlers(URL);
      missing.remove(event);
      rejections.add(registrationHandlers(missing));
    }
    for (String url : List.of(WRONG_URL, FTP_URL)) {
      Map<BotEvent, String> handlers = TestBots.allHandlers(URL);
      handlers.put(event, url);
      rejections.add(registrationHandlers(handlers));
    }
    return rejections;
  }

  private static Rejection registrationHandlers(Map<BotEvent, String> handlers) {
    return rejectionOf(
        () ->
            BotRegistration.validate(
                "newbot", "S", "Y", null, handlers, TestBots.seedProperties()));
  }

  private static List<Rejection> updateHandlerRejections(BotEvent event) {
    List<Rejection> rejections = new ArrayList<>();
    for (String url : List.of(WRONG_URL, FTP_URL)) {
      Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
      handlers.put(event, url);
      rejections.add(rejectionOf(() -> BotUpdate.validate(null, null, handlers, null)));
    }
    return rejections;
  }

  private static List<BotSummary> fiveBots() {
    return LongStream.rangeClosed(1, 5)
        .mapToObj(id -> TestBots.bot(id, "app", "b" + id).summary())
        .toList();
  }

  /** A directory in which every address is taken. */
  private static final EmailDirectory EVERY_ADDRESS_TAKEN = (email, except) -> true;

  static Map<String, List<Rejection>> rejectionsBySource() {
    Map<String, List<Rejection>> bySource = new LinkedHashMap<>();
    Rejection noClientId = rejectionOf(() -> ApplicationKey.fromClientId(null));
    Rejection clientIdTooLong = rejectionOf(() -> ApplicationKey.fromClientId("x".repeat(200)));
    bySource.put("imbot.register 1", List.of(noClientId, clientIdTooLong));
    bySource.put("imbot.register 2", registrationHandlerRejections(BotEvent.MESSAGE_ADD));
    bySource.put("imbot.register 3", registrationHandlerRejections(BotEvent.MESSAGE_UPDATE));
    bySource.put("imbot.register 4", registrationHandlerRejections(BotEvent.MESSAGE_DELETE));
    bySource.put("imbot.register 5", registrationHandlerRejections(BotEvent.WELCOME_MESSAGE));
    bySource.put("imbot.register 6", registrationHandlerRejections(BotEvent.BOT_DELETE));
    bySource.put("imbot.register 7", List.of(register(" ", TestBots.seedProperties())));
    bySource.put("imbot.register 8", List.of(register("newbot", null)));
    bySource.put(
        "imbot.register 9",
        List.of(
            register("c".repeat(51), TestBots.seedProperties()),
            register("newbot", seedWith("NAME", "n".repeat(51))),
            register("newbot", seedWith("COLOR", "BLUE")),
            register("newbot", seedWith("EMAIL", "nope")),
            register("newbot", seedWith("PERSONAL_BIRTHDAY", "2016-02-30")),
            register("newbot", seedWith("WORK_POSITION", "w".repeat(256))),
            register("newbot", seedWith("PERSONAL_WWW", "h".repeat(256))),
            register("newbot", seedWith("PERSONAL_GENDER", "X")),
            register("newbot", seedWith("PERSONAL_PHOTO", "%%%"))));
    bySource.put(
        "imbot.register 11",
        List.of(BotLimitPolicy.defaultLimit().checkRoomForOneMore(fiveBots()).orElseThrow()));
    bySource.put(
        "imbot.register 12",
        List.of(
            new EmailUniquenessPolicy()
                .checkNewBot(TestBots.profileWithEmail("test@test.ru"), EVERY_ADDRESS_TAKEN)
                .orElseThrow()));
    // Nothing in the domain decides that creation failed; the application layer raises it.
    bySource.put("imbot.register 13", List.of(BotRejection.of(BotRejectionReason.CREATION_FAILED)));

    Rejection otherApplication = BotRejection.of(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION);
    bySource.put("imbot.unregister 1", List.of(noClientId, clientIdTooLong));
    bySource.put("imbot.unregister 2", List.of(rejectionOf(() -> BotId.parse("abc"))));
    bySource.put("imbot.unregister 3", List.of(otherApplication));
    bySource.put(
        "imbot.unregister 4", List.of(BotRejection.of(BotRejectionReason.DELETION_FAILED)));

    Bot bot = TestBots.bot(39, "app", "newbot");
    bySource.put("imbot.update 1", List.of(noClientId, clientIdTooLong));
    bySource.put("imbot.update 2", List.of(rejectionOf(() -> BotId.parse("0"))));
    bySource.put("imbot.update 3", List.of(otherApplication));
    bySource.put(
        "imbot.update 4",
        List.of(rejectionOf(() -> BotUpdate.validate(null, null, Map.of(), null))));
    List<Rejection> handlers = new ArrayList<>();
    for (BotEvent event : BotEvent.inCheckOrder()) {
      handlers.addAll(updateHandlerRejections(event));
    }
    bySource.put("imbot.update 5", handlers);
    bySource.put(
        "imbot.update 6",
        List.of(
            rejectionOf(
                () ->
                    BotUpdate.validate(
                        null, null, Map.of(), Map.of("NAME", "", "LAST_NAME", "")))));
    bySource.put(
        "imbot.update 7",
        List.of(rejectionOf(() -> BotUpdate.validate("c".repeat(51), null, Map.of(), null))));
    bySource.put(
        "imbot.update 8",
        List.of(
            rejectionOf(
                () ->
                    bot.update(BotUpdate.validate(null, null, Map.of(), Map.of("COLOR", "BLUE")))),
            rejectionOf(
                () ->
                    bot.update(
                        BotUpdate.validate(
                            null, null, Map.of(), Map.of("PERSONAL_PHOTO", "%%%"))))));
    bySource.put(
        "imbot.update 9",
        List.of(
            new CodeUniquenessPolicy()
                .checkCodeChange(
                    List.of(bot.summary(), TestBots.bot(40, "app", "taken").summary()),
                    bot,
                    BotCode.of("taken"))
                .orElseThrow()));
    bySource.put(
        "imbot.update 10",
        List.of(
            new EmailUniquenessPolicy()
                .checkUpdatedBot(
                    bot,
                    TestBots.botWithEmail(39, "app", "newbot", "taken@test.ru"),
                    EVERY_ADDRESS_TAKEN)
                .orElseThrow()));
    bySource.put("imbot.update 11", List.of(BotRejection.of(BotRejectionReason.UPDATE_FAILED)));

    commandSources(bySource, noClientId, clientIdTooLong);

    // docs/transport.md's authentication errors, raised by the application's authentication
    // service.
    bySource.put(
        "transport",
        List.of(
            AccessRejection.of(AccessRejectionReason.WRONG_AUTHORIZATION),
            AccessRejection.of(AccessRejectionReason.ACCESS_TOKEN_EXPIRED)));
    // The domain names update fields as inside FIELDS; the update use case names them as sent
    // (CLIENT_ID, step 1, stands beside FIELDS, not inside it).
    bySource.replaceAll(
        (source, rejections) ->
            source.startsWith("imbot.update") && !source.equals("imbot.update 1")
                ? rejections.stream()
                    .map(r -> r instanceof InvalidField f ? f.nestedUnder("FIELDS") : r)
                    .toList()
                : rejections);
    return bySource;
  }

  private static Map<String, Object> list(Object... items) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < items.length; i++) {
      list.put(String.valueOf(i), items[i]);
    }
    return list;
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * The rejections of docs/methods/commands.md's tables: imbot.command.* and im.message.command.
   */
  private static void commandSources(
      Map<String, List<Rejection>> bySource, Rejection noClientId, Rejection clientIdTooLong) {
    ApplicationKey app = ApplicationKey.fromClientId("app");
    Object longTitle = list(map("LANGUAGE_ID", "en", "TITLE", "t".repeat(256)));
    Rejection notFound = rejectionOf(() -> CommandId.parse("abc"));
    Rejection anotherApplication =
        CommandRejection.of(CommandRejectionReason.COMMAND_OF_ANOTHER_APPLICATION);
    for (String method : List.of("register", "update", "unregister", "answer")) {
      bySource.put("imbot.command." + method + " 1", List.of(noClientId, clientIdTooLong));
    }
    bySource.put(
        "imbot.command.register 2",
        List.of(
            rejectionOf(() -> CommandHandler.forRegistration(null, app)),
            rejectionOf(() -> CommandHandler.forRegistration(WRONG_URL, app)),
            rejectionOf(() -> CommandHandler.forRegistration(FTP_URL, app))));
    bySource.put(
        "imbot.command.register 3",
        List.of(
            rejectionOf(() -> CommandName.parse("/", "COMMAND")),
            rejectionOf(() -> CommandName.parse("c".repeat(256), "COMMAND"))));
    bySource.put("imbot.command.register 4", List.of(rejectionOf(() -> BotId.parse("abc"))));
    bySource.put(
        "imbot.command.register 5",
        List.of(BotRejection.of(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION)));
    bySource.put(
        "imbot.command.register 6",
        List.of(
            rejectionOf(() -> CommandTranslation.parse(null, "LANG")),
            rejectionOf(() -> CommandTranslation.parse(longTitle, "LANG"))));
    bySource.put(
        "imbot.command.register 7",
        List.of(CommandRejection.of(CommandRejectionReason.CREATION_FAILED)));

    bySource.put("imbot.command.update 2", List.of(notFound));
    bySource.put("imbot.command.update 3", List.of(anotherApplication));
    bySource.put(
        "imbot.command.update 4",
        List.of(
            rejectionOf(() -> CommandHandler.forUpdate(WRONG_URL, app)),
            rejectionOf(() -> CommandHandler.forUpdate(FTP_URL, app))));
    bySource.put(
        "imbot.command.update 5",
        List.of(
            rejectionOf(() -> CommandChange.read(map("COMMAND", "c".repeat(256)))),
            rejectionOf(() -> CommandChange.read(map("LANG", longTitle)))));
    bySource.put(
        "imbot.command.update 6",
        List.of(CommandRejection.of(CommandRejectionReason.UPDATE_FIELDS_EMPTY)));
    bySource.put(
        "imbot.command.update 7",
        List.of(CommandRejection.of(CommandRejectionReason.UPDATE_FAILED)));

    bySource.put("imbot.command.unregister 2", List.of(notFound));
    bySource.put("imbot.command.unregister 3", List.of(anotherApplication));
    bySource.put(
        "imbot.command.unregister 4",
        List.of(CommandRejection.of(CommandRejectionReason.DELETION_FAILED)));

    String huge = "x".repeat(MessageExtras.MAX_JSON_LENGTH + 1);
    bySource.put("imbot.command.answer 2", List.of(notFound));
    bySource.put("imbot.command.answer 3", List.of(anotherApplication));
    bySource.put(
        "imbot.command.answer 4",
        List.of(CommandRejection.of(CommandRejectionReason.MESSAGE_ID_EMPTY)));
    bySource.put(
        "imbot.command.answer 5", List.of(ChatRejection.of(ChatRejectionReason.MESSAGE_EMPTY)));
    bySource.put(
        "imbot.command.answer 6",
        List.of(
            rejectionOf(() -> MessageExtras.attach(list(map("VIDEO", "x")))),
            rejectionOf(() -> MessageExtras.attach(list(map("MESSAGE", huge))))));
    bySource.put(
        "imbot.command.answer 7",
        List.of(
            rejectionOf(() -> MessageExtras.keyboard(list(map("TEXT", "x")), BotId.of(2))),
            rejectionOf(
                () ->
                    MessageExtras.keyboard(
                        list(map("TEXT", huge, "COMMAND", "echo")), BotId.of(2)))));
    bySource.put(
        "imbot.command.answer 8",
        List.of(
            rejectionOf(
                () -> MessageExtras.menu(list(map("TEXT", "x")), ChatRejectionReason.MENU_INVALID)),
            rejectionOf(
                () ->
                    MessageExtras.menu(
                        list(map("TEXT", huge, "LINK", "https://example.com")),
                        ChatRejectionReason.MENU_INVALID))));
    bySource.put(
        "imbot.command.answer 9", List.of(ChatRejection.of(ChatRejectionReason.MESSAGE_NOT_ADDED)));

    bySource.put(
        "im.message.command 1", List.of(ChatRejection.of(ChatRejectionReason.MESSAGE_ID_EMPTY)));
    bySource.put(
        "im.message.command 2", List.of(CommandRejection.of(CommandRejectionReason.BOT_ID_EMPTY)));
    bySource.put(
        "im.message.command 3", List.of(CommandRejection.of(CommandRejectionReason.COMMAND_EMPTY)));
    bySource.put(
        "im.message.command 4",
        List.of(CommandRejection.of(CommandRejectionReason.BUTTON_NOT_FOUND)));
  }

  static Stream<Arguments> rejectionsWithTheirSource() {
    return rejectionsBySource().entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(r -> Arguments.of(e.getKey(), r)));
  }

  // --- the file itself ---

  @Test
  void givenTheTable_lines_areWellFormedAndDistinct() {
    List<Line> lines = lines();

    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line.source())
                  .matches(
                      "(imbot\\.(command\\.)?(register|unregister|update)|imbot\\.command\\.answer"
                          + "|im\\.message\\.command) [1-9][0-9]?|transport");
              assertThat(line.httpStatus()).isIn(400, 401, 403);
              // expired_token is Bitrix24's (OAuth's) one lower-case code.
              assertThat(line.code()).matches("[A-Z]+(_[A-Z]+)*|expired_token");
              assertThat(line.description()).isNotBlank().isEqualTo(line.description().strip());
              if (line.description().startsWith(REGEX)) {
                Pattern.compile(line.description().substring(REGEX.length()));
              }
            });
    assertThat(lines.stream().map(l -> List.of(l.source(), l.code(), l.description())))
        .doesNotHaveDuplicates();
  }

  @Test
  void givenTheTable_sources_areExactlyTheOnesWithRejections() {
    assertThat(lines().stream().map(Line::source).collect(Collectors.toSet()))
        .isEqualTo(rejectionsBySource().keySet());
  }

  // --- (a) each line is produced by a rejection of its source, and nothing else is ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void givenTableLine_someRejectionOfItsSource_producesIt(Line line) {
    List<ErrorAnswer> produced =
        rejectionsBySource().getOrDefault(line.source(), List.of()).stream()
            .map(ErrorAnswer::of)
            .toList();

    assertThat(produced).as("errors produced for %s", line.source()).anyMatch(line::matches);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rejectionsWithTheirSource")
  void givenRejection_theLinesOfItsSource_includeItsError(String source, Rejection rejection) {
    ErrorAnswer error = ErrorAnswer.of(rejection);

    assertThat(lines().stream().filter(l -> l.source().equals(source)))
        .as("lines of %s for %s", source, error)
        .anyMatch(line -> line.matches(error));
  }

  // --- (b) every reason is covered ---

  /** Every reason of every context whose rejections these methods answer with. */
  static Stream<RejectionReason> reasons() {
    return Stream.of(
            BotRejectionReason.values(),
            HandlerRejectionReason.values(),
            AccessRejectionReason.values(),
            CommandRejectionReason.values(),
            RequestRejectionReason.values())
        .flatMap(Stream::of);
  }

  @ParameterizedTest
  @MethodSource("reasons")
  void givenRejectionReason_theTable_hasALineForIt(RejectionReason reason) {
    List<Line> lines = lines();

    assertThat(
            rejectionsWithTheirSource()
                .map(Arguments::get)
                .filter(a -> ((Rejection) a[1]).reason() == reason)
                .filter(
                    a ->
                        lines.stream()
                            .anyMatch(
                                l ->
                                    l.source().equals(a[0])
                                        && l.matches(ErrorAnswer.of((Rejection) a[1])))))
        .as("a table line produced by a %s rejection", reason)
        .isNotEmpty();
  }

  // --- (c) the error tables of the docs, which hold the same rows as the file ---

  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern SEPARATOR = Pattern.compile("\\|[-:| ]+\\|");
  private static final Pattern STEP = Pattern.compile("[1-9][0-9]?");

  /**
   * One row of an error table in the docs.
   *
   * @param where the page and line, for messages
   * @param source the row's source as the file names it ({@code imbot.update 5}, {@code transport})
   * @param codes the backticked codes of its {@code error} cell; none for a success
   * @param texts the backticked texts of its {@code error_description} cell
   */
  record DocRow(
      String where, String source, int httpStatus, List<String> codes, List<String> texts) {
    boolean matches(Line line) {
      return line.source().equals(source)
          && line.httpStatus() == httpStatus
          && codes.contains(line.code())
          && (line.description().startsWith(REGEX)
              ? texts.stream()
                  .anyMatch(t -> t.matches(line.description().substring(REGEX.length())))
              : texts.contains(line.description()));
    }

    @Override
    public String toString() {
      return where + ": " + source + " | " + httpStatus + " | " + codes + " | " + texts;
    }
  }

  /**
   * What the error tables under a page's second-level {@code heading} stand for: {@code
   * imbot.register}'s "Order of checks and errors", each {@code imbot.*} section of the lifecycle
   * page, the transport's "Authentication"; null for any other section.
   */
  private static String sourceOf(String page, String heading) {
    return switch (page) {
      case "methods/imbot.register.md" ->
          heading.equals("Order of checks and errors") ? "imbot.register" : null;
      case "methods/bot-lifecycle.md" -> {
        List<String> names = backticked(heading);
        yield names.size() == 1 && names.get(0).matches("imbot\\.(unregister|update)")
            ? names.get(0)
            : null;
      }
      case "methods/commands.md" -> {
        List<String> names = backticked(heading);
        yield names.size() == 1
                && names
                    .get(0)
                    .matches(
                        "imbot\\.command\\.(register|update|unregister|answer)|im\\.message\\.command")
            ? names.get(0)
            : null;
      }
      case "transport.md" -> heading.equals("Authentication") ? "transport" : null;
      default -> null;
    };
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    return Stream.of(inner.substring(1, inner.length() - 1).split("\\|", -1))
        .map(String::strip)
        .toList();
  }

  /**
   * The rows of every error table (a table whose header names {@code error}, {@code
   * error_description} and {@code HTTP}, and optionally {@code step}) in the docs' error pages.
   */
  static List<DocRow> docRows() throws IOException {
    List<DocRow> rows = new ArrayList<>();
    for (String page : ERROR_PAGES) {
      Path file = DOCS.resolve(page);
      assertThat(file)
          .as("%s is part of the repository", file.toAbsolutePath().normalize())
          .isRegularFile();
      List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
      String heading = "";
      List<String> header = null;
      for (int i = 0; i < text.size(); i++) {
        String line = text.get(i);
        if (line.startsWith("## ")) {
          heading = line.substring(3).strip();
        }
        if (!line.startsWith("|")) {
          header = null;
          continue;
        }
        if (header == null) {
          header = cells(line).stream().map(c -> c.replace("`", "")).toList();
          continue;
        }
        String source = sourceOf(page, heading);
        if (SEPARATOR.matcher(line.strip()).matches()
            || source == null
            || !header.containsAll(List.of("error", "error_description", "HTTP"))) {
          continue;
        }
        List<String> cells = cells(line);
        String where = "docs/" + page + ":" + (i + 1);
        assertThat(cells).as("%s has a cell per column", where).hasSameSizeAs(header);
        int step = header.indexOf("step");
        if (step >= 0) {
          assertThat(cells.get(step)).as("%s step", where).matches(STEP);
          source = source + " " + cells.get(step);
        }
        rows.add(
            new DocRow(
                where,
                source,
                Integer.parseInt(cells.get(header.indexOf("HTTP"))),
                backticked(cells.get(header.indexOf("error"))),
                backticked(cells.get(header.indexOf("error_description")))));
      }
    }
    return rows;
  }

  private static List<String> backticked(String cell) {
    List<String> found = new ArrayList<>();
    Matcher matcher = BACKTICKED.matcher(cell);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  @Test
  void givenTheDocs_theirErrorTables_numberTheStepsOfEachMethodFromOne() throws IOException {
    Map<String, Set<Integer>> steps = new TreeMap<>();
    for (DocRow row : docRows()) {
      int space = row.source().lastIndexOf(' ');
      if (space > 0) {
        steps
            .computeIfAbsent(row.source().substring(0, space), k -> new java.util.TreeSet<>())
            .add(Integer.parseInt(row.source().substring(space + 1)));
      }
    }

    assertThat(steps)
        .containsOnlyKeys(
            "imbot.register",
            "imbot.unregister",
            "imbot.update",
            "imbot.command.register",
            "imbot.command.update",
            "imbot.command.unregister",
            "imbot.command.answer",
            "im.message.command");
    steps.forEach(
        (method, numbers) ->
            assertThat(numbers)
                .as("steps of %s", method)
                .containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
  }

  @Test
  void givenTheDocs_everyErrorTextOfTheirTables_isALineOfTheTsv() throws IOException {
    List<Line> lines = lines();

    assertThat(docRows())
        .isNotEmpty()
        .allSatisfy(
            row -> {
              if (row.codes().isEmpty()) {
                // A success (imbot.register's existing code) has no error and no line.
                assertThat(row.httpStatus()).as("%s", row).isEqualTo(200);
                assertThat(lines).noneMatch(l -> l.source().equals(row.source()));
                return;
              }
              assertThat(row.codes()).as("%s names one error", row).hasSize(1);
              assertThat(row.texts()).as("%s names its texts", row).isNotEmpty();
              for (String text : row.texts()) {
                // A text ending in "…" stands for a longer one, which a pattern line matches.
                ErrorAnswer error = new ErrorAnswer(row.httpStatus(), row.codes().get(0), text);
                assertThat(lines)
                    .as("a tsv line of %s matching %s", row.source(), error)
                    .anyMatch(l -> l.source().equals(row.source()) && l.matches(error));
              }
            });
  }

  @Test
  void givenTheTsv_everyLine_isARowOfTheDocs() throws IOException {
    List<DocRow> rows = docRows();

    assertThat(lines())
        .allSatisfy(
            line ->
                assertThat(rows)
                    .as("a row of the docs' error tables for %s", line)
                    .anyMatch(row -> row.matches(line)));
  }
}
