package dev.imbot.domain.rejection;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotRegistration;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotUpdate;
import dev.imbot.domain.bot.CodeUniquenessPolicy;
import dev.imbot.domain.bot.TestBots;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.EmailDirectory;
import dev.imbot.domain.portal.EmailUniquenessPolicy;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's error rows, transcribed into {@code spec-error-table.tsv}, against {@link
 * BitrixError}: every line is produced by a rejection the domain builds, every rejection reason has
 * a line, and (when the spec is checked out next to the repository) every error code of the
 * register table is in the file.
 */
class BitrixErrorSpecTableTest {

  private static final String TABLE = "/spec-error-table.tsv";
  private static final String REGEX = "regex:";
  private static final List<String> HEADER =
      List.of("source", "http_status", "error", "error_description");

  /** The spec, relative to the module directory Surefire runs in. */
  private static final Path REGISTER_SPEC =
      Path.of("..", "..", "shared", "spec", "imbot.register.md");

  private static final Path LIFECYCLE_SPEC = Path.of("..", "..", "shared", "spec", "lifecycle.md");

  private static final String URL = "https://bot.example.com/handler";
  private static final String WRONG_URL = "http://localhost/x";
  private static final String FTP_URL = "ftp://bot.example.com/x";

  /** One line of the table; {@code number} is its line number in the file. */
  record Line(int number, String source, int httpStatus, String code, String description) {

    boolean matches(BitrixError error) {
      return error.httpStatus() == httpStatus
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
    bySource.put("register row 1", List.of(noClientId));
    bySource.put("register row 2", registrationHandlerRejections(BotEvent.MESSAGE_ADD));
    bySource.put("register row 3", registrationHandlerRejections(BotEvent.MESSAGE_UPDATE));
    bySource.put("register row 4", registrationHandlerRejections(BotEvent.MESSAGE_DELETE));
    bySource.put("register row 5", registrationHandlerRejections(BotEvent.WELCOME_MESSAGE));
    bySource.put("register row 6", registrationHandlerRejections(BotEvent.BOT_DELETE));
    bySource.put("register row 7", List.of(register(" ", TestBots.seedProperties())));
    bySource.put("register row 8", List.of(register("newbot", null)));
    bySource.put(
        "register row 9",
        List.of(
            register("c".repeat(51), TestBots.seedProperties()),
            register("newbot", seedWith("NAME", "n".repeat(51))),
            register("newbot", seedWith("COLOR", "BLUE")),
            register("newbot", seedWith("EMAIL", "nope")),
            register("newbot", seedWith("PERSONAL_BIRTHDAY", "2016-02-30")),
            register("newbot", seedWith("WORK_POSITION", "w".repeat(256))),
            register("newbot", seedWith("PERSONAL_WWW", "h".repeat(256))),
            register("newbot", seedWith("PERSONAL_GENDER", "X")),
            register("newbot", seedWith("PERSONAL_PHOTO", "%%%")),
            rejectionOf(() -> ApplicationKey.fromClientId("x".repeat(200)))));
    bySource.put(
        "register row 11",
        List.of(BotLimitPolicy.defaultLimit().checkRoomForOneMore(fiveBots()).orElseThrow()));
    bySource.put(
        "register row 12",
        List.of(
            new EmailUniquenessPolicy()
                .checkNewBot(TestBots.profileWithEmail("test@test.ru"), EVERY_ADDRESS_TAKEN)
                .orElseThrow()));
    // Nothing in the domain decides that creation failed; the application layer raises it.
    bySource.put("register row 13", List.of(Rejection.of(RejectionReason.CREATION_FAILED)));

    Rejection otherApplication = Rejection.of(RejectionReason.BOT_OF_ANOTHER_APPLICATION);
    bySource.put(
        "unregister",
        List.of(
            noClientId,
            rejectionOf(() -> BotId.parse("abc")),
            otherApplication,
            Rejection.of(RejectionReason.DELETION_FAILED)));

    Bot bot = TestBots.bot(39, "app", "newbot");
    List<Rejection> update = new ArrayList<>();
    update.add(noClientId);
    update.add(rejectionOf(() -> BotId.parse("0")));
    update.add(otherApplication);
    update.add(rejectionOf(() -> BotUpdate.validate(null, null, Map.of(), null)));
    for (BotEvent event : BotEvent.inCheckOrder()) {
      update.addAll(updateHandlerRejections(event));
    }
    update.add(
        rejectionOf(
            () -> BotUpdate.validate(null, null, Map.of(), Map.of("NAME", "", "LAST_NAME", ""))));
    update.add(rejectionOf(() -> BotUpdate.validate("c".repeat(51), null, Map.of(), null)));
    update.add(
        rejectionOf(
            () -> bot.update(BotUpdate.validate(null, null, Map.of(), Map.of("COLOR", "BLUE")))));
    update.add(
        rejectionOf(
            () ->
                bot.update(
                    BotUpdate.validate(null, null, Map.of(), Map.of("PERSONAL_PHOTO", "%%%")))));
    update.add(
        new CodeUniquenessPolicy()
            .checkCodeChange(
                List.of(bot.summary(), TestBots.bot(40, "app", "taken").summary()),
                bot,
                BotCode.of("taken"))
            .orElseThrow());
    update.add(Rejection.of(RejectionReason.UPDATE_FAILED));
    bySource.put("update", update);

    bySource.put(
        "update*",
        List.of(
            new EmailUniquenessPolicy()
                .checkUpdatedBot(
                    bot,
                    TestBots.botWithEmail(39, "app", "newbot", "taken@test.ru"),
                    EVERY_ADDRESS_TAKEN)
                .orElseThrow()));
    // transport.md's authentication errors, raised by the application's authentication service.
    bySource.put(
        "transport",
        List.of(
            Rejection.of(RejectionReason.WRONG_AUTHORIZATION),
            Rejection.of(RejectionReason.ACCESS_TOKEN_EXPIRED)));
    return bySource;
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
                  .matches("register row (1[0-3]|[1-9])|unregister|update\\*?|transport");
              assertThat(line.httpStatus()).isIn(400, 401, 403);
              // transport.md's expired_token is Bitrix24's (OAuth's) one lower-case code.
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
    List<BitrixError> produced =
        rejectionsBySource().getOrDefault(line.source(), List.of()).stream()
            .map(Rejection::toBitrixError)
            .toList();

    assertThat(produced).as("errors produced for %s", line.source()).anyMatch(line::matches);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rejectionsWithTheirSource")
  void givenRejection_theLinesOfItsSource_includeItsError(String source, Rejection rejection) {
    BitrixError error = rejection.toBitrixError();

    assertThat(lines().stream().filter(l -> l.source().equals(source)))
        .as("lines of %s for %s", source, error)
        .anyMatch(line -> line.matches(error));
  }

  // --- (b) every reason is covered ---

  @ParameterizedTest
  @EnumSource(RejectionReason.class)
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
                                        && l.matches(((Rejection) a[1]).toBitrixError()))))
        .as("a table line produced by a %s rejection", reason)
        .isNotEmpty();
  }

  // --- (c) the spec's register table, when it is checked out next to the repository ---

  private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+) \\|(.*)\\|\\s*$");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  /** Cells of the register table's numbered rows, by row number. */
  private static Map<Integer, List<String>> specRows() throws IOException {
    Map<Integer, List<String>> rows = new TreeMap<>();
    for (String text : Files.readAllLines(REGISTER_SPEC, StandardCharsets.UTF_8)) {
      Matcher row = TABLE_ROW.matcher(text);
      if (row.matches()) {
        // Condition | error | error_description | HTTP
        List<String> cells = List.of(row.group(2).split("\\|", -1));
        rows.put(Integer.parseInt(row.group(1)), cells.stream().map(String::strip).toList());
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

  private static void assumeSpecPresent(Path spec) {
    Assumptions.assumeTrue(
        Files.isRegularFile(spec),
        () -> spec.toAbsolutePath().normalize() + " is not checked out next to the repository");
  }

  @Test
  void givenTheRegisterSpec_everyErrorCodeOfItsTable_isInTheTsv() throws IOException {
    assumeSpecPresent(REGISTER_SPEC);
    Map<Integer, List<String>> rows = specRows();
    List<Line> lines = lines();

    assertThat(rows.keySet()).as("rows of the register table").startsWith(1, 2, 3).hasSize(13);
    rows.forEach(
        (number, cells) -> {
          assertThat(cells).as("row %d cells", number).hasSize(4);
          String source = "register row " + number;
          for (String code : backticked(cells.get(1))) {
            assertThat(lines)
                .as("a tsv line for %s with error %s", source, code)
                .anyMatch(l -> l.source().equals(source) && l.code().equals(code));
          }
        });
  }

  @Test
  void givenTheRegisterSpec_everyTextAndStatusOfItsTable_isMatchedByTheTsv() throws IOException {
    assumeSpecPresent(REGISTER_SPEC);
    List<Line> lines = lines();

    specRows()
        .forEach(
            (number, cells) -> {
              String source = "register row " + number;
              List<String> codes = backticked(cells.get(1));
              if (codes.isEmpty()) {
                assertThat(lines).noneMatch(l -> l.source().equals(source));
                return;
              }
              int status = Integer.parseInt(cells.get(3));
              for (String text : backticked(cells.get(2))) {
                // Row 9's example ends in "…", which the row's pattern line must also match.
                BitrixError error = new BitrixError(status, codes.get(0), text);
                assertThat(lines)
                    .as("a tsv line of %s matching %s", source, error)
                    .anyMatch(l -> l.source().equals(source) && l.matches(error));
              }
            });
  }

  @Test
  void givenTheTsv_everyRegisterRowItNames_isInTheSpec() throws IOException {
    assumeSpecPresent(REGISTER_SPEC);
    Set<Integer> specRowNumbers = specRows().keySet();

    assertThat(
            lines().stream()
                .map(Line::source)
                .filter(s -> s.startsWith("register row "))
                .map(s -> Integer.parseInt(s.substring("register row ".length()))))
        .allMatch(specRowNumbers::contains);
  }

  @Test
  void givenTheLifecycleSpec_everyErrorCodeItNames_isInTheTsvForUnregisterOrUpdate()
      throws IOException {
    assumeSpecPresent(LIFECYCLE_SPEC);
    String spec = Files.readString(LIFECYCLE_SPEC, StandardCharsets.UTF_8);
    Set<String> codes =
        backticked(spec).stream()
            .filter(s -> s.matches("[A-Z]+(_[A-Z]+)*_ERROR|WRONG_REQUEST|ACCESS_DENIED"))
            .collect(Collectors.toSet());
    Set<String> lifecycleCodes =
        lines().stream()
            .filter(l -> l.source().equals("unregister") || l.source().startsWith("update"))
            .map(Line::code)
            .collect(Collectors.toSet());

    assertThat(codes).contains("BOT_ID_ERROR", "APP_ID_ERROR", "NAME_ERROR");
    assertThat(lifecycleCodes).containsAll(codes);
  }
}
