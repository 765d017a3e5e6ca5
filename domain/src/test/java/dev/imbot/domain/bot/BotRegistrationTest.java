package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerRejection;
import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code imbot.register}'s request checks: steps 2–9 of imbot.register's checks, in that order.
 * Each "break" below breaks one row in one way; a request with two breaks must get the earlier
 * row's error.
 */
class BotRegistrationTest {

  private static final String HANDLER = TestBots.SEED_HANDLER;
  private static final String WRONG_URL = "http://localhost/x";
  private static final String FTP_URL = "ftp://bot.example.com/x";

  /** The raw wire values of one {@code imbot.register} call. */
  private static final class Request {
    String code = TestBots.SEED_CODE;
    String type = "B";
    String openLine = "Y";
    String eventHandler = HANDLER;
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    Map<String, String> properties = TestBots.seedProperties();

    /** The seed's request. */
    static Request seed() {
      return new Request();
    }

    /** The seed's request with the five handlers given one by one instead of EVENT_HANDLER. */
    static Request withIndividualHandlers() {
      Request request = new Request();
      request.eventHandler = null;
      request.handlers = TestBots.allHandlers(HANDLER);
      return request;
    }

    BotRegistration validate() {
      return BotRegistration.validate(code, type, openLine, eventHandler, handlers, properties);
    }
  }

  // --- the seed's request ---

  @Test
  void givenTheSeedsRequest_validate_keepsEveryValue() {
    Request request = Request.seed();

    BotRegistration registration = request.validate();

    assertThat(registration.code()).isEqualTo(BotCode.of("newbot"));
    assertThat(registration.type()).isEqualTo(BotType.BOT);
    assertThat(registration.openLines()).isTrue();
    BotProfile profile = registration.profile();
    assertThat(profile.name()).isEqualTo("NewBot");
    assertThat(profile.lastName()).isNull();
    assertThat(profile.fullName()).isEqualTo("NewBot");
    assertThat(profile.color()).isEqualTo(Color.GREEN);
    assertThat(profile.email()).isEqualTo(Email.of("test@test.ru"));
    assertThat(profile.birthday()).isEqualTo(LocalDate.of(2016, 3, 11));
    assertThat(profile.workPosition()).isEqualTo("Лучший сотрудник");
    assertThat(profile.personalWww()).isEqualTo("http://test.ru");
    assertThat(profile.gender()).isEqualTo(Gender.FEMALE);
    assertThat(profile.avatar().format()).isEqualTo(ImageFormat.PNG);
    assertThat(profile.avatar().width()).isEqualTo(4);
    assertThat(profile.avatar().height()).isEqualTo(3);
    assertThat(profile.avatar().bytes())
        .isEqualTo(Base64.getDecoder().decode(TestBots.seedPhoto()));
    // OPENLINE=Y, so message update/delete are bound too.
    assertThat(registration.bindings().asMap())
        .containsOnlyKeys(BotEvent.values())
        .allSatisfy((event, url) -> assertThat(url).isEqualTo(HandlerUrl.of(HANDLER)));
  }

  @Test
  void givenTheSeedsRequestWithIndividualHandlers_validate_bindsAllFive() {
    BotRegistration registration = Request.withIndividualHandlers().validate();

    assertThat(registration.bindings().asMap()).containsOnlyKeys(BotEvent.values());
  }

  @Test
  void givenTheSeedsRequest_testBotsSeedRegistration_isTheSame() {
    assertThat(TestBots.seedRegistration()).isEqualTo(Request.seed().validate());
  }

  @Test
  void givenCodeWithWhitespace_validate_trimsIt() {
    Request request = Request.seed();
    request.code = "  newbot\t";

    assertThat(request.validate().code()).isEqualTo(BotCode.of("newbot"));
  }

  // --- TYPE and OPENLINE ---

  @ParameterizedTest(name = "OPENLINE ''{0}'' -> {1}")
  @CsvSource({
    "Y, true",
    "y, true",
    "' Y ', true",
    "N, false",
    "n, false",
    "yes, false",
    "1, false"
  })
  void givenOpenLine_validate_turnsOpenLinesOnOnlyForY(String openLine, boolean on) {
    Request request = Request.seed();
    request.openLine = openLine;

    BotRegistration registration = request.validate();

    assertThat(registration.openLines()).isEqualTo(on);
    assertThat(registration.bindings().handlerFor(BotEvent.MESSAGE_UPDATE).isPresent())
        .isEqualTo(on);
  }

  @ParameterizedTest(name = "OPENLINE ''{0}''")
  @NullAndEmptySource
  void givenNoOpenLine_validate_leavesOpenLinesOff(String openLine) {
    Request request = Request.seed();
    request.openLine = openLine;

    assertThat(request.validate().openLines()).isFalse();
  }

  @ParameterizedTest(name = "OPENLINE ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"N", "Y"})
  void givenTypeO_validate_forcesOpenLinesOn(String openLine) {
    Request request = Request.seed();
    request.type = "O";
    request.openLine = openLine;

    BotRegistration registration = request.validate();

    assertThat(registration.type()).isEqualTo(BotType.OPEN_LINES);
    assertThat(registration.openLines()).isTrue();
    assertThat(registration.bindings().asMap()).containsOnlyKeys(BotEvent.values());
  }

  @ParameterizedTest(name = "TYPE ''{0}'' -> {1}")
  @CsvSource({"B, BOT", "h, HUMAN", "S, SUPERVISOR", "o, OPEN_LINES", "Z, BOT", "'', BOT"})
  void givenType_validate_readsItWithUnknownAsBot(String type, BotType expected) {
    Request request = Request.seed();
    request.type = type;

    assertThat(request.validate().type()).isEqualTo(expected);
  }

  @Test
  void givenNoType_validate_readsBot() {
    Request request = Request.seed();
    request.type = null;

    assertThat(request.validate().type()).isEqualTo(BotType.BOT);
  }

  @ParameterizedTest(name = "TYPE {0}")
  @ValueSource(strings = {"B", "H", "Z"})
  void givenOrdinaryTypeWithoutOpenLines_validate_bindsOnlyTheRequiredHandlers(String type) {
    Request request = Request.withIndividualHandlers();
    request.type = type;
    request.openLine = "N";

    BotRegistration registration = request.validate();

    assertThat(registration.bindings().asMap())
        .containsOnlyKeys(BotEvent.MESSAGE_ADD, BotEvent.WELCOME_MESSAGE, BotEvent.BOT_DELETE);
  }

  @Test
  void givenSupervisorWithoutOpenLines_validate_bindsAllFiveHandlers() {
    Request request = Request.withIndividualHandlers();
    request.type = "S";
    request.openLine = "N";

    assertThat(request.validate().bindings().asMap()).containsOnlyKeys(BotEvent.values());
  }

  // --- steps 2..9, one break at a time ---

  /**
   * One way to break one row of imbot.register's checks.
   *
   * @param row the row of imbot.register's checks it breaks
   * @param label what it does
   * @param touches the parameters it changes, so two breaks that collide are not combined
   * @param apply changes a request
   * @param expected the error the row answers with
   */
  record Break(
      int row, String label, Set<String> touches, Consumer<Request> apply, BitrixError expected) {
    @Override
    public String toString() {
      return "row " + row + " (" + label + ")";
    }
  }

  private static final Set<String> ALL_HANDLERS =
      Set.of(
          "EVENT_HANDLER",
          "EVENT_MESSAGE_ADD",
          "EVENT_MESSAGE_UPDATE",
          "EVENT_MESSAGE_DELETE",
          "EVENT_WELCOME_MESSAGE",
          "EVENT_BOT_DELETE");
  private static final Set<String> ALL_PROPERTIES =
      Set.of(
          "NAME",
          "LAST_NAME",
          "COLOR",
          "EMAIL",
          "PERSONAL_BIRTHDAY",
          "WORK_POSITION",
          "PERSONAL_WWW",
          "PERSONAL_GENDER",
          "PERSONAL_PHOTO");

  private static BitrixError error(String code, String description) {
    return new BitrixError(code, description);
  }

  private static Break missingHandler(int row, BotEvent event) {
    return new Break(
        row,
        event.parameterName() + " missing",
        Set.of(event.parameterName()),
        r -> r.handlers.remove(event),
        error(
            event.parameterName() + "_ERROR",
            "Handler for \"" + event.title() + "\" event isn't specified"));
  }

  private static Break wrongHandler(int row, BotEvent event) {
    return new Break(
        row,
        event.parameterName() + " wrong URL",
        Set.of(event.parameterName()),
        r -> r.handlers.put(event, WRONG_URL),
        error(event.parameterName() + "_ERROR", "Wrong handler URL"));
  }

  private static Break ftpHandler(int row, BotEvent event) {
    return new Break(
        row,
        event.parameterName() + " ftp",
        Set.of(event.parameterName()),
        r -> r.handlers.put(event, FTP_URL),
        error(event.parameterName() + "_ERROR", "Unsupported handler protocol"));
  }

  private static Break property(String key, String value, String rule) {
    return new Break(
        9,
        key + " invalid",
        Set.of(key),
        r -> r.properties.put(key, value),
        error("WRONG_REQUEST", "PROPERTIES[" + key + "] " + rule));
  }

  static List<Break> breaks() {
    return List.of(
        missingHandler(2, BotEvent.MESSAGE_ADD),
        wrongHandler(2, BotEvent.MESSAGE_ADD),
        ftpHandler(2, BotEvent.MESSAGE_ADD),
        new Break(
            2,
            "EVENT_HANDLER invalid",
            ALL_HANDLERS,
            r -> r.eventHandler = "javascript:alert(1)",
            error("EVENT_MESSAGE_ADD_ERROR", "Unsupported handler protocol")),
        wrongHandler(3, BotEvent.MESSAGE_UPDATE),
        ftpHandler(3, BotEvent.MESSAGE_UPDATE),
        wrongHandler(4, BotEvent.MESSAGE_DELETE),
        ftpHandler(4, BotEvent.MESSAGE_DELETE),
        missingHandler(5, BotEvent.WELCOME_MESSAGE),
        wrongHandler(5, BotEvent.WELCOME_MESSAGE),
        ftpHandler(5, BotEvent.WELCOME_MESSAGE),
        missingHandler(6, BotEvent.BOT_DELETE),
        wrongHandler(6, BotEvent.BOT_DELETE),
        ftpHandler(6, BotEvent.BOT_DELETE),
        new Break(
            7,
            "CODE missing",
            Set.of("CODE"),
            r -> r.code = null,
            error("CODE_ERROR", "Bot code isn't specified")),
        new Break(
            7,
            "CODE blank",
            Set.of("CODE"),
            r -> r.code = "   ",
            error("CODE_ERROR", "Bot code isn't specified")),
        new Break(
            8,
            "PROPERTIES missing",
            ALL_PROPERTIES,
            r -> r.properties = null,
            error("NAME_ERROR", "Bot name isn't specified")),
        new Break(
            8,
            "NAME and LAST_NAME blank",
            Set.of("NAME", "LAST_NAME"),
            r -> {
              r.properties.put("NAME", " ");
              r.properties.put("LAST_NAME", "");
            },
            error("NAME_ERROR", "Bot name isn't specified")),
        new Break(
            8,
            "NAME and LAST_NAME absent",
            Set.of("NAME", "LAST_NAME"),
            r -> {
              r.properties.remove("NAME");
              r.properties.remove("LAST_NAME");
            },
            error("NAME_ERROR", "Bot name isn't specified")),
        new Break(
            9,
            "CODE of 60 characters",
            Set.of("CODE"),
            r -> r.code = "c".repeat(60),
            error("WRONG_REQUEST", "CODE must be at most 50 characters")),
        property("NAME", "n".repeat(51), "must be at most 50 characters"),
        property("LAST_NAME", "l".repeat(51), "must be at most 50 characters"),
        property("COLOR", "BLUE", "must be one of " + Color.WIRE_NAMES),
        property("EMAIL", "test@", "must be a valid e-mail address"),
        property("PERSONAL_BIRTHDAY", "2016-02-30", "must be a real date as YYYY-MM-DD"),
        property("WORK_POSITION", "w".repeat(256), "must be at most 255 characters"),
        property("PERSONAL_WWW", "h".repeat(256), "must be at most 255 characters"),
        property("PERSONAL_GENDER", "X", "must be M, F or empty"),
        property("PERSONAL_PHOTO", "not base64!", "must be base64"));
  }

  @Test
  void givenTheBreaks_rows_coverEveryRowFrom2To9() {
    assertThat(breaks().stream().map(Break::row).distinct())
        .containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breaks")
  void givenOneRowBroken_validate_answersThatRowsExactError(Break broken) {
    Request request = Request.withIndividualHandlers();
    broken.apply().accept(request);

    Rejection rejection = rejectionOf(request::validate);

    assertThat(rejection.error()).isEqualTo(broken.expected());
  }

  static Stream<Arguments> pairsOfBreaksInRowOrder() {
    List<Break> breaks = breaks();
    List<Arguments> pairs = new ArrayList<>();
    for (Break earlier : breaks) {
      for (Break later : breaks) {
        if (earlier.row() < later.row()
            && Collections.disjoint(earlier.touches(), later.touches())) {
          pairs.add(Arguments.of(earlier, later));
        }
      }
    }
    return pairs.stream();
  }

  @Test
  void givenTheBreaks_pairs_combineEveryTwoRows() {
    assertThat(
            pairsOfBreaksInRowOrder()
                .map(a -> List.of(((Break) a.get()[0]).row(), ((Break) a.get()[1]).row()))
                .distinct())
        .hasSize(28); // 8 rows, every pair of them
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("pairsOfBreaksInRowOrder")
  void givenTwoRowsBroken_validate_answersTheEarlierRowsError(Break earlier, Break later) {
    Request request = Request.withIndividualHandlers();
    later.apply().accept(request);
    earlier.apply().accept(request);

    Rejection rejection = rejectionOf(request::validate);

    assertThat(rejection.error()).isEqualTo(earlier.expected());
  }

  // --- the orderings the contract is most often got wrong on, spelled out ---

  @Test
  void givenCodeOf60CharactersAndNoName_validate_answersNameErrorBeforeTheCodesLength() {
    Request request = Request.seed();
    request.code = "c".repeat(60);
    request.properties.put("NAME", "");

    Rejection rejection = rejectionOf(request::validate);

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("NAME_ERROR", "Bot name isn't specified"));
  }

  @Test
  void givenNoCodeAndNoProperties_validate_answersCodeErrorBeforeNameError() {
    Request request = Request.seed();
    request.code = null;
    request.properties = null;

    Rejection rejection = rejectionOf(request::validate);

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.CODE_NOT_SPECIFIED);
  }

  @Test
  void givenInvalidEventHandlerAndNoCodeAndNoName_validate_answersTheHandlerErrorFirst() {
    Request request = Request.seed();
    request.eventHandler = "http://localhost/x";
    request.code = "";
    request.properties = null;

    HandlerRejection rejection = rejectionOf(request::validate);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
    assertThat(rejection.event()).isEqualTo(BotEvent.MESSAGE_ADD);
  }

  @Test
  void givenNoHandlersAtAllAndNoCode_validate_answersMessageAddNotSpecified() {
    Request request = Request.seed();
    request.eventHandler = null;
    request.code = null;

    HandlerRejection rejection = rejectionOf(request::validate);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(BotEvent.MESSAGE_ADD);
  }

  @Test
  void givenInvalidMessageUpdateForOrdinaryBot_validate_rejectsItThoughItWouldNotBeBound() {
    Request request = Request.withIndividualHandlers();
    request.openLine = "N";
    request.handlers.put(BotEvent.MESSAGE_UPDATE, WRONG_URL);

    HandlerRejection rejection = rejectionOf(request::validate);

    assertThat(rejection.event()).isEqualTo(BotEvent.MESSAGE_UPDATE);
  }

  @Test
  void givenCodeTooLongAndInvalidColour_validate_namesTheCode() {
    Request request = Request.seed();
    request.code = "c".repeat(51);
    request.properties.put("COLOR", "BLUE");

    InvalidField rejection = rejectionOf(request::validate);

    assertThat(rejection.field()).isEqualTo("CODE");
  }

  // --- the record's own invariants ---

  @Test
  void givenOpenLinesTypeWithoutOpenLines_constructor_refuses() {
    BotRegistration valid = Request.seed().validate();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BotRegistration(
                    valid.code(), BotType.OPEN_LINES, false, valid.profile(), valid.bindings()));
  }

  @Test
  void givenMissingParts_constructor_refuses() {
    BotRegistration valid = Request.seed().validate();

    assertThatNullPointerException()
        .isThrownBy(
            () -> new BotRegistration(null, BotType.BOT, false, valid.profile(), valid.bindings()));
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new BotRegistration(valid.code(), null, false, valid.profile(), valid.bindings()));
    assertThatNullPointerException()
        .isThrownBy(
            () -> new BotRegistration(valid.code(), BotType.BOT, false, null, valid.bindings()));
    assertThatNullPointerException()
        .isThrownBy(
            () -> new BotRegistration(valid.code(), BotType.BOT, false, valid.profile(), null));
  }
}
