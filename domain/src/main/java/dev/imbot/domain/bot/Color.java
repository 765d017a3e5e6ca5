package dev.imbot.domain.bot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The 16 Bitrix24 colours a bot can have in the mobile app; the wire value is the name. */
public enum Color {
  RED,
  GREEN,
  MINT,
  LIGHT_BLUE,
  DARK_BLUE,
  PURPLE,
  AQUA,
  PINK,
  LIME,
  BROWN,
  AZURE,
  KHAKI,
  SAND,
  MARENGO,
  GRAY,
  GRAPHITE;

  /** All wire names, comma-separated, in Bitrix24's order (for error texts). */
  public static final String WIRE_NAMES =
      Arrays.stream(values()).map(Color::name).collect(Collectors.joining(", "));

  /** Reads a wire value case-insensitively; empty when it names no colour. */
  public static Optional<Color> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(upper)).findFirst();
  }
}
