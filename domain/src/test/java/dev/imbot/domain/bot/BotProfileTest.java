package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BotProfileTest {

  private static final String PROPERTIES = "PROPERTIES";
  private static final String EMOJI = "\uD83E\uDD16";

  private static Map<String, String> props(String... keysAndValues) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private static BotProfile read(Map<String, String> properties) {
    return BotProfile.fromProperties(properties, PROPERTIES);
  }

  // --- fromProperties: the name (imbot.register step 8) ---

  static Stream<Arguments> namelessProperties() {
    Map<String, String> withNulls = new HashMap<>();
    withNulls.put("NAME", null);
    withNulls.put("LAST_NAME", null);
    return Stream.of(
        Arguments.of("PROPERTIES not sent", null),
        Arguments.of("empty", Map.of()),
        Arguments.of("both names empty", props("NAME", "", "LAST_NAME", "")),
        Arguments.of("both names blank", props("NAME", "  ", "LAST_NAME", "\t")),
        Arguments.of("both names null", withNulls),
        Arguments.of("other fields only", props("COLOR", "GREEN", "EMAIL", "bot@example.com")),
        Arguments.of("lower-case key", props("name", "NewBot")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namelessProperties")
  void givenNoNonBlankName_fromProperties_rejectsAsNameNotSpecified(
      String situation, Map<String, String> properties) {
    Rejection rejection = rejectionOf(() -> read(properties));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("NAME_ERROR", "Bot name isn't specified"));
  }

  @Test
  void givenNoNameButInvalidFields_fromProperties_rejectsTheNameFirst() {
    Rejection rejection = rejectionOf(() -> read(props("NAME", " ", "COLOR", "BLUE")));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
  }

  @Test
  void givenOnlyLastName_fromProperties_accepts() {
    BotProfile profile = read(props("LAST_NAME", "Botov"));

    assertThat(profile.name()).isNull();
    assertThat(profile.lastName()).isEqualTo("Botov");
    assertThat(profile.fullName()).isEqualTo("Botov");
  }

  @Test
  void givenValuesWithWhitespace_fromProperties_trimsThem() {
    BotProfile profile =
        read(
            props(
                "NAME", " NewBot ",
                "LAST_NAME", "\tBotov\n",
                "EMAIL", " test@test.ru ",
                "COLOR", " green ",
                "PERSONAL_BIRTHDAY", " 2016-03-11 ",
                "WORK_POSITION", "  Helper  ",
                "PERSONAL_WWW", " http://test.ru ",
                "PERSONAL_GENDER", " f "));

    assertThat(profile)
        .isEqualTo(
            new BotProfile(
                "NewBot",
                "Botov",
                Color.GREEN,
                Email.of("test@test.ru"),
                LocalDate.of(2016, 3, 11),
                "Helper",
                "http://test.ru",
                Gender.FEMALE,
                null));
  }

  @Test
  void givenBlankOptionalValues_fromProperties_treatsThemAsNotGiven() {
    BotProfile profile =
        read(
            props(
                "NAME", "NewBot",
                "LAST_NAME", "",
                "COLOR", "",
                "EMAIL", " ",
                "PERSONAL_BIRTHDAY", "",
                "WORK_POSITION", "",
                "PERSONAL_WWW", "",
                "PERSONAL_GENDER", "",
                "PERSONAL_PHOTO", " "));

    assertThat(profile).isEqualTo(BotProfile.named("NewBot"));
  }

  @Test
  void givenUnknownKeys_fromProperties_ignoresThem() {
    BotProfile profile =
        read(props("NAME", "NewBot", "FAVOURITE_COLOR", "not a colour", "UF_DEPARTMENT", "[1]"));

    assertThat(profile).isEqualTo(BotProfile.named("NewBot"));
  }

  // --- fromProperties: each field's rule (imbot.register step 9) ---

  static Stream<Arguments> invalidFields() {
    return Stream.of(
        Arguments.of("NAME", "n".repeat(51), "must be at most 50 characters"),
        Arguments.of("NAME", EMOJI.repeat(51), "must be at most 50 characters"),
        Arguments.of("LAST_NAME", "l".repeat(51), "must be at most 50 characters"),
        Arguments.of("COLOR", "BLUE", "must be one of " + Color.WIRE_NAMES),
        Arguments.of("COLOR", "light blue", "must be one of " + Color.WIRE_NAMES),
        Arguments.of("EMAIL", "not-an-email", "must be a valid e-mail address"),
        Arguments.of("EMAIL", "test@test", "must be a valid e-mail address"),
        Arguments.of("EMAIL", "e".repeat(251) + "@x.ru", "must be at most 255 characters"),
        Arguments.of("PERSONAL_BIRTHDAY", "2016-02-30", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "2015-02-29", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "2016-3-11", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "11.03.2016", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "2016-13-01", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "-2016-03-11", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "+2016-03-11", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "12016-03-11", "must be a real date as YYYY-MM-DD"),
        Arguments.of("PERSONAL_BIRTHDAY", "2016-03-11T10:00", "must be a real date as YYYY-MM-DD"),
        Arguments.of("WORK_POSITION", "w".repeat(256), "must be at most 255 characters"),
        Arguments.of("PERSONAL_WWW", "h".repeat(256), "must be at most 255 characters"),
        Arguments.of("PERSONAL_GENDER", "X", "must be M, F or empty"),
        Arguments.of("PERSONAL_GENDER", "male", "must be M, F or empty"),
        Arguments.of("PERSONAL_PHOTO", "not base64!", "must be base64"),
        Arguments.of(
            "PERSONAL_PHOTO",
            TestImages.base64("hello".getBytes(StandardCharsets.US_ASCII)),
            "must be a PNG, JPEG, GIF or WebP image"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalidFields")
  void givenInvalidField_fromProperties_rejectsNamingPropertiesField(
      String key, String value, String rule) {
    Map<String, String> properties = props("NAME", "NewBot", "LAST_NAME", "Botov");
    properties.put(key, value);

    InvalidField rejection = rejectionOf(() -> read(properties));

    String field = "PROPERTIES[" + key + "]";
    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.rule()).isEqualTo(rule);
    BitrixError error = rejection.error();
    assertThat(error.code()).isEqualTo("WRONG_REQUEST");
    assertThat(error.description()).startsWith(field + " ").isEqualTo(field + " " + rule);
  }

  @Test
  void givenUnknownColour_fromProperties_listsTheColoursInTheDescription() {
    Rejection rejection = rejectionOf(() -> read(props("NAME", "NewBot", "COLOR", "BLUE")));

    assertThat(rejection.error().description())
        .startsWith("PROPERTIES[COLOR] must be one of RED, GREEN,")
        .isEqualTo(
            "PROPERTIES[COLOR] must be one of RED, GREEN, MINT, LIGHT_BLUE, DARK_BLUE, PURPLE,"
                + " AQUA, PINK, LIME, BROWN, AZURE, KHAKI, SAND, MARENGO, GRAY, GRAPHITE");
  }

  @Test
  void givenPrefix_fromProperties_namesTheFieldUnderIt() {
    InvalidField rejection =
        rejectionOf(
            () ->
                BotProfile.fromProperties(props("NAME", "NewBot", "COLOR", "BLUE"), "PROPERTIES"));

    assertThat(rejection.field()).isEqualTo("PROPERTIES[COLOR]");
  }

  @Test
  void givenInvalidPhoto_fromProperties_namesPersonalPhoto() {
    InvalidField rejection =
        rejectionOf(() -> read(props("NAME", "NewBot", "PERSONAL_PHOTO", "%%%")));

    assertThat(rejection.field()).isEqualTo("PROPERTIES[PERSONAL_PHOTO]");
    assertThat(rejection.error().description()).startsWith("PROPERTIES[PERSONAL_PHOTO] ");
  }

  static Stream<Arguments> valuesAtTheirLimits() {
    return Stream.of(
        Arguments.of(ProfileField.NAME, "n".repeat(50)),
        Arguments.of(ProfileField.NAME, EMOJI.repeat(50)),
        Arguments.of(ProfileField.LAST_NAME, "l".repeat(50)),
        Arguments.of(ProfileField.WORK_POSITION, "w".repeat(255)),
        Arguments.of(ProfileField.WORK_POSITION, "Ж".repeat(255)),
        Arguments.of(ProfileField.PERSONAL_WWW, "h".repeat(255)));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("valuesAtTheirLimits")
  void givenValueAtItsLengthLimit_fromProperties_keepsIt(ProfileField field, String value) {
    Map<String, String> properties = props("NAME", "NewBot");
    properties.put(field.key(), value);

    BotProfile profile = read(properties);

    assertThat(valueOf(profile, field)).isEqualTo(value);
  }

  @Test
  void givenEmailOf255Characters_fromProperties_keepsIt() {
    String email =
        "e".repeat(64) + "@" + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(62);

    assertThat(email).hasSize(255);
    assertThat(read(props("NAME", "NewBot", "EMAIL", email)).email()).isEqualTo(Email.of(email));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2016-02-29, 2016, 2, 29", "2016-03-11, 2016, 3, 11", "2000-12-31, 2000, 12, 31"})
  void givenRealDate_fromProperties_readsBirthday(String wire, int year, int month, int day) {
    BotProfile profile = read(props("NAME", "NewBot", "PERSONAL_BIRTHDAY", wire));

    assertThat(profile.birthday()).isEqualTo(LocalDate.of(year, month, day));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"m, MALE", "M, MALE", "f, FEMALE", "F, FEMALE"})
  void givenGenderLetter_fromProperties_readsGender(String wire, Gender gender) {
    assertThat(read(props("NAME", "NewBot", "PERSONAL_GENDER", wire)).gender()).isEqualTo(gender);
  }

  @ParameterizedTest
  @EnumSource(Color.class)
  void givenAnyColourInLowerCase_fromProperties_readsIt(Color color) {
    String wire = color.name().toLowerCase(Locale.ROOT);

    assertThat(read(props("NAME", "NewBot", "COLOR", wire)).color()).isEqualTo(color);
  }

  @Test
  void givenRealPng_fromProperties_keepsTheDecodedAvatar() {
    byte[] png = TestImages.png(4, 3);

    BotProfile profile =
        read(
            props(
                "NAME",
                "NewBot",
                "PERSONAL_PHOTO",
                "data:image/png;base64," + TestImages.base64(png)));

    assertThat(profile.avatar().format()).isEqualTo(ImageFormat.PNG);
    assertThat(profile.avatar().bytes()).isEqualTo(png);
  }

  // --- fromProperties: step 9 follows ProfileField order ---

  private static final Map<ProfileField, String> BAD_VALUES =
      Map.of(
          ProfileField.NAME, "n".repeat(51),
          ProfileField.LAST_NAME, "l".repeat(51),
          ProfileField.COLOR, "BLUE",
          ProfileField.EMAIL, "nope",
          ProfileField.PERSONAL_BIRTHDAY, "2016-02-30",
          ProfileField.WORK_POSITION, "w".repeat(256),
          ProfileField.PERSONAL_WWW, "h".repeat(256),
          ProfileField.PERSONAL_GENDER, "X",
          ProfileField.PERSONAL_PHOTO, "%%%");

  static Stream<Arguments> pairsOfFieldsInCheckOrder() {
    List<Arguments> pairs = new ArrayList<>();
    ProfileField[] fields = ProfileField.values();
    for (int i = 0; i < fields.length; i++) {
      for (int j = i + 1; j < fields.length; j++) {
        pairs.add(Arguments.of(fields[i], fields[j]));
      }
    }
    return pairs.stream();
  }

  @Test
  void givenProfileFields_values_areInTheSpecsOrder() {
    assertThat(ProfileField.values())
        .containsExactly(
            ProfileField.NAME,
            ProfileField.LAST_NAME,
            ProfileField.COLOR,
            ProfileField.EMAIL,
            ProfileField.PERSONAL_BIRTHDAY,
            ProfileField.WORK_POSITION,
            ProfileField.PERSONAL_WWW,
            ProfileField.PERSONAL_GENDER,
            ProfileField.PERSONAL_PHOTO);
    assertThat(ProfileField.COLOR.wireName("PROPERTIES")).isEqualTo("PROPERTIES[COLOR]");
    assertThat(ProfileField.COLOR.key()).isEqualTo("COLOR");
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("pairsOfFieldsInCheckOrder")
  void givenTwoInvalidFields_fromProperties_rejectsTheEarlierInFieldOrder(
      ProfileField earlier, ProfileField later) {
    // The later field goes in first, so map order cannot be what decides.
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(later.key(), BAD_VALUES.get(later));
    properties.put(earlier.key(), BAD_VALUES.get(earlier));
    properties.putIfAbsent("NAME", "NewBot");

    InvalidField rejection = rejectionOf(() -> read(properties));

    assertThat(rejection.field()).isEqualTo(earlier.wireName(PROPERTIES));
  }

  // --- fullName, named, invariants ---

  @ParameterizedTest(name = "''{0}'' + ''{1}'' -> ''{2}''")
  @CsvSource(
      value = {"New, Bot, New Bot", "NULL, Bot, Bot", "New, NULL, New"},
      nullValues = "NULL")
  void givenNames_fullName_joinsPresentPartsWithASpace(String name, String lastName, String full) {
    BotProfile profile = new BotProfile(name, lastName, null, null, null, null, null, null, null);

    assertThat(profile.fullName()).isEqualTo(full);
  }

  @Test
  void givenReadProperties_fullName_leavesOutABlankLastName() {
    assertThat(read(props("NAME", "NewBot", "LAST_NAME", "")).fullName()).isEqualTo("NewBot");
  }

  @Test
  void givenName_named_buildsAProfileWithJustTheName() {
    BotProfile profile = BotProfile.named("NewBot");

    assertThat(profile.name()).isEqualTo("NewBot");
    assertThat(profile)
        .isEqualTo(new BotProfile("NewBot", null, null, null, null, null, null, null, null));
    assertThat(profile.emailAddress()).isEmpty();
  }

  @Test
  void givenNoName_constructor_refuses() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BotProfile(null, null, null, null, null, null, null, null, null));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", " NewBot", "NewBot "})
  void givenBlankOrUntrimmedName_constructor_refuses(String name) {
    assertThatIllegalArgumentException().isThrownBy(() -> BotProfile.named(name));
  }

  @Test
  void givenTooLongTexts_constructor_refuses() {
    assertThatIllegalArgumentException().isThrownBy(() -> BotProfile.named("n".repeat(51)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new BotProfile("N", null, null, null, null, "w".repeat(256), null, null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new BotProfile("N", null, null, null, null, null, "h".repeat(256), null, null));
  }

  // --- mergedWith (imbot.update) ---

  private static final Avatar STORED_AVATAR = Avatar.fromBase64(TestImages.pngBase64(2, 2));

  private static BotProfile stored() {
    return new BotProfile(
        "Old",
        "Botov",
        Color.RED,
        Email.of("old@example.com"),
        LocalDate.of(2010, 1, 2),
        "Helper",
        "http://old.example.com",
        Gender.MALE,
        STORED_AVATAR);
  }

  private static BotProfile merge(BotProfile profile, Map<String, String> sent) {
    return profile.mergedWith(sent, "PROPERTIES");
  }

  @Test
  void givenNothingSent_mergedWith_keepsTheProfile() {
    assertThat(merge(stored(), Map.of())).isEqualTo(stored());
  }

  @Test
  void givenSomeFieldsSent_mergedWith_replacesThemAndKeepsTheOthers() {
    BotProfile merged =
        merge(stored(), props("COLOR", "green", "WORK_POSITION", " Best bot ", "NAME", "New"));

    assertThat(merged)
        .isEqualTo(
            new BotProfile(
                "New",
                "Botov",
                Color.GREEN,
                Email.of("old@example.com"),
                LocalDate.of(2010, 1, 2),
                "Best bot",
                "http://old.example.com",
                Gender.MALE,
                STORED_AVATAR));
  }

  @Test
  void givenEverythingSent_mergedWith_replacesEverything() {
    BotProfile merged = merge(stored(), TestBots.seedProperties());

    // The seed's LAST_NAME is empty, which clears the stored one since a NAME remains.
    assertThat(merged).isEqualTo(read(TestBots.seedProperties()));
    assertThat(merged.lastName()).isNull();
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", "  "})
  void givenBlankName_mergedWith_ignoresIt(String blank) {
    Map<String, String> sent = new HashMap<>();
    sent.put("NAME", blank);

    assertThat(merge(stored(), sent).name()).isEqualTo("Old");
  }

  @Test
  void givenBothNamesSentBlank_mergedWith_rejectsAsNameNotSpecified() {
    Rejection rejection = rejectionOf(() -> merge(stored(), props("NAME", "", "LAST_NAME", " ")));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("NAME_ERROR", "Bot name isn't specified"));
  }

  @Test
  void givenBlankLastNameAndStoredName_mergedWith_clearsTheLastName() {
    BotProfile merged = merge(stored(), props("LAST_NAME", ""));

    assertThat(merged.lastName()).isNull();
    assertThat(merged.name()).isEqualTo("Old");
    assertThat(merged.fullName()).isEqualTo("Old");
  }

  @Test
  void givenBlankLastNameAndNoName_mergedWith_ignoresItRatherThanLeaveNoName() {
    BotProfile lastNameOnly =
        new BotProfile(null, "Botov", null, null, null, null, null, null, null);

    BotProfile merged = merge(lastNameOnly, props("LAST_NAME", ""));

    assertThat(merged).isEqualTo(lastNameOnly);
  }

  @Test
  void givenNewNameAndBlankLastName_mergedWith_takesTheNameAndClearsTheLastName() {
    BotProfile lastNameOnly =
        new BotProfile(null, "Botov", null, null, null, null, null, null, null);

    BotProfile merged = merge(lastNameOnly, props("LAST_NAME", "", "NAME", "New"));

    assertThat(merged.name()).isEqualTo("New");
    assertThat(merged.lastName()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = ProfileField.class,
      names = {"NAME", "LAST_NAME"},
      mode = EnumSource.Mode.EXCLUDE)
  void givenBlankOptionalField_mergedWith_clearsIt(ProfileField field) {
    BotProfile merged = merge(stored(), props(field.key(), ""));

    assertThat(valueOf(merged, field)).isNull();
    for (ProfileField other : ProfileField.values()) {
      if (other != field) {
        assertThat(valueOf(merged, other)).isEqualTo(valueOf(stored(), other));
      }
    }
  }

  private static Object valueOf(BotProfile profile, ProfileField field) {
    return switch (field) {
      case NAME -> profile.name();
      case LAST_NAME -> profile.lastName();
      case COLOR -> profile.color();
      case EMAIL -> profile.email();
      case PERSONAL_BIRTHDAY -> profile.birthday();
      case WORK_POSITION -> profile.workPosition();
      case PERSONAL_WWW -> profile.personalWww();
      case PERSONAL_GENDER -> profile.gender();
      case PERSONAL_PHOTO -> profile.avatar();
    };
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("invalidFields")
  void givenInvalidValue_mergedWith_rejectsNamingTheUpdateField(
      String key, String value, String rule) {
    InvalidField rejection = rejectionOf(() -> merge(stored(), props(key, value)));

    String field = "PROPERTIES[" + key + "]";
    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.rule()).isEqualTo(rule);
    assertThat(rejection.error()).isEqualTo(new BitrixError("WRONG_REQUEST", field + " " + rule));
  }

  @Test
  void givenUnknownKeys_mergedWith_ignoresThem() {
    assertThat(merge(stored(), props("FAVOURITE_COLOR", "x", "UF_X", ""))).isEqualTo(stored());
  }
}
