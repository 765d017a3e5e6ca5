package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.portal.Email;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailUniquenessPolicyTest {

  /** A tiny directory: people's addresses and bots' addresses, compared case-insensitively. */
  private static final class FakeEmailDirectory implements EmailDirectory {
    private final Set<String> people = new HashSet<>();
    private final Map<BotId, String> bots = new HashMap<>();
    private final List<Email> asked = new ArrayList<>();

    FakeEmailDirectory person(String email) {
      people.add(Email.of(email).normalized());
      return this;
    }

    FakeEmailDirectory bot(long id, String email) {
      bots.put(BotId.of(id), Email.of(email).normalized());
      return this;
    }

    @Override
    public boolean isTaken(Email email, BotId except) {
      asked.add(email);
      return people.contains(email.normalized())
          || bots.entrySet().stream()
              .anyMatch(
                  e ->
                      !Objects.equals(e.getKey(), except)
                          && e.getValue().equals(email.normalized()));
    }
  }

  private final EmailUniquenessPolicy policy = new EmailUniquenessPolicy();

  // --- new bot (register row 12) ---

  @Test
  void givenAddressOfAPerson_checkNewBot_rejectsAsEmailInUse() {
    FakeEmailDirectory directory = new FakeEmailDirectory().person("test@test.ru");

    Rejection rejection =
        policy.checkNewBot(TestBots.profileWithEmail("test@test.ru"), directory).orElseThrow();

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.EMAIL_IN_USE);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError("WRONG_REQUEST", "Bot can't be created: e-mail is already in use"));
  }

  @Test
  void givenAddressOfAnotherBot_checkNewBot_rejectsAsEmailInUse() {
    FakeEmailDirectory directory = new FakeEmailDirectory().bot(40, "test@test.ru");

    assertThat(policy.checkNewBot(TestBots.profileWithEmail("test@test.ru"), directory))
        .map(Rejection::reason)
        .contains(BotRejectionReason.EMAIL_IN_USE);
  }

  @Test
  void givenAddressInAnotherCase_checkNewBot_leavesTheComparisonToTheDirectory() {
    FakeEmailDirectory directory = new FakeEmailDirectory().person("test@test.ru");

    assertThat(policy.checkNewBot(TestBots.profileWithEmail("Test@Test.RU"), directory))
        .isPresent();
    assertThat(directory.asked).first().hasToString("Test@Test.RU");
  }

  @Test
  void givenFreeAddress_checkNewBot_accepts() {
    FakeEmailDirectory directory =
        new FakeEmailDirectory().person("someone@test.ru").bot(40, "other@test.ru");

    assertThat(policy.checkNewBot(TestBots.profileWithEmail("test@test.ru"), directory)).isEmpty();
  }

  @Test
  void givenNoAddress_checkNewBot_acceptsWithoutAskingTheDirectory() {
    FakeEmailDirectory directory = new FakeEmailDirectory();

    assertThat(policy.checkNewBot(TestBots.profileWithEmail(null), directory)).isEmpty();
    assertThat(directory.asked).isEmpty();
  }

  // --- update ---

  @Test
  void givenUnchangedAddress_checkUpdatedBot_doesNotCheckItAgain() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "test@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", "TEST@test.ru");
    FakeEmailDirectory directory = new FakeEmailDirectory().person("test@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, directory)).isEmpty();
    assertThat(directory.asked).isEmpty();
  }

  @Test
  void givenChangedAddressOfAPerson_checkUpdatedBot_rejectsAsUpdateEmailInUse() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "old@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", "taken@test.ru");
    FakeEmailDirectory directory = new FakeEmailDirectory().person("taken@test.ru");

    Rejection rejection = policy.checkUpdatedBot(before, after, directory).orElseThrow();

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.UPDATE_EMAIL_IN_USE);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError("WRONG_REQUEST", "Bot can't be updated: e-mail is already in use"));
  }

  @Test
  void givenChangedAddressOfAnotherBot_checkUpdatedBot_rejects() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "old@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", "taken@test.ru");
    FakeEmailDirectory directory = new FakeEmailDirectory().bot(40, "taken@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, directory))
        .map(Rejection::reason)
        .contains(BotRejectionReason.UPDATE_EMAIL_IN_USE);
  }

  @Test
  void givenAddressAddedThatIsTaken_checkUpdatedBot_rejects() {
    Bot before = TestBots.botWithEmail(39, "app", "b", null);
    Bot after = TestBots.botWithEmail(39, "app", "b", "taken@test.ru");
    FakeEmailDirectory directory = new FakeEmailDirectory().person("taken@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, directory)).isPresent();
  }

  @Test
  void givenChangedAddressHeldOnlyByThisBot_checkUpdatedBot_acceptsBecauseTheBotIsExcepted() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "old@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", "new@test.ru");
    FakeEmailDirectory directory = new FakeEmailDirectory().bot(39, "new@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, directory)).isEmpty();
  }

  @Test
  void givenChangedFreeAddress_checkUpdatedBot_accepts() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "old@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", "new@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, new FakeEmailDirectory().person("x@test.ru")))
        .isEmpty();
  }

  @Test
  void givenAddressRemoved_checkUpdatedBot_accepts() {
    Bot before = TestBots.botWithEmail(39, "app", "b", "old@test.ru");
    Bot after = TestBots.botWithEmail(39, "app", "b", null);
    FakeEmailDirectory directory = new FakeEmailDirectory().person("old@test.ru");

    assertThat(policy.checkUpdatedBot(before, after, directory)).isEmpty();
  }
}
