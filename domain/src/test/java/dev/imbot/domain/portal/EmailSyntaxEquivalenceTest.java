package dev.imbot.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Email#isValid} checks the address syntax by hand; this holds it to the regular expression
 * it replaced, on generated near-miss addresses (fixed seed) and on the label and length bounds.
 */
class EmailSyntaxEquivalenceTest {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private static boolean byRegex(String value) {
    return value.length() <= Email.MAX_LENGTH
        && value.indexOf('@') <= 64
        && SYNTAX.matcher(value).matches();
  }

  @Test
  void givenGeneratedAddresses_isValid_agreesWithTheRegularExpression() {
    Random random = new Random(20261124);
    String alphabet = "aZ09.@-_!~'`{|}+ \"()[],;:\\é\u00e9\t";
    int valid = 0;
    for (int n = 0; n < 200_000; n++) {
      String address = generated(random, alphabet);
      boolean expected = byRegex(address);
      assertThat(Email.isValid(address)).as("'%s'", address).isEqualTo(expected);
      if (expected) {
        valid++;
      }
    }
    assertThat(valid).as("valid addresses among the generated ones").isGreaterThan(2_000);
  }

  @Test
  void givenLengthAndLabelBounds_isValid_agreesWithTheRegularExpression() {
    List<String> addresses = new ArrayList<>();
    for (int local : new int[] {1, 63, 64, 65}) {
      for (int label : new int[] {1, 2, 62, 63, 64}) {
        for (int tail : new int[] {2, 3, 180, 190}) {
          addresses.add(
              "l".repeat(local) + "@" + "d".repeat(label) + ".co" + ".x".repeat(tail / 2));
          addresses.add("l".repeat(local) + "@a-" + "d".repeat(label) + ".co");
          addresses.add("l".repeat(local) + "@" + "d".repeat(label) + "-.co");
        }
      }
    }
    for (String address : addresses) {
      assertThat(Email.isValid(address)).as("'%s'", address).isEqualTo(byRegex(address));
    }
  }

  /** Mostly address-shaped strings with a few wrong characters, dots, dashes or at signs. */
  private static String generated(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      if (p > 0) {
        b.append(random.nextInt(8) == 0 ? "" : ".");
      }
      int length = random.nextInt(6);
      for (int i = 0; i < length; i++) {
        b.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('a' + random.nextInt(26)));
      }
    }
    if (random.nextInt(10) != 0) {
      b.append('@');
    }
    int labels = random.nextInt(4);
    for (int l = 0; l < labels; l++) {
      if (l > 0 || random.nextInt(10) == 0) {
        b.append('.');
      }
      int length = random.nextInt(5);
      for (int i = 0; i < length; i++) {
        b.append(
            random.nextInt(5) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('a' + random.nextInt(26)));
      }
    }
    return b.toString();
  }
}
