package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ColorTest {

  private static final String SPEC_COLOURS =
      "RED GREEN MINT LIGHT_BLUE DARK_BLUE PURPLE AQUA PINK LIME BROWN AZURE KHAKI SAND MARENGO"
          + " GRAY GRAPHITE";

  @Test
  void givenTheSpecsList_values_areTheSixteenColoursInBitrixOrder() {
    assertThat(Arrays.stream(Color.values()).map(Color::name))
        .containsExactly(SPEC_COLOURS.split(" "));
  }

  @Test
  void givenAllColours_wireNames_listsThemCommaSeparatedInOrder() {
    assertThat(Color.WIRE_NAMES).isEqualTo(String.join(", ", SPEC_COLOURS.split(" ")));
  }

  @ParameterizedTest
  @EnumSource(Color.class)
  void givenColourNameInAnyCase_fromWire_readsIt(Color color) {
    String name = color.name();
    String mixed = name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);

    assertThat(Color.fromWire(name)).contains(color);
    assertThat(Color.fromWire(name.toLowerCase(Locale.ROOT))).contains(color);
    assertThat(Color.fromWire(mixed)).contains(color);
    assertThat(Color.fromWire(" " + name + " ")).contains(color);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "BLUE", "GREY", "LIGHTBLUE", "light blue", "LIGHT-BLUE", "#00FF00"})
  void givenUnknownColour_fromWire_isEmpty(String wire) {
    assertThat(Color.fromWire(wire)).isEmpty();
  }
}
