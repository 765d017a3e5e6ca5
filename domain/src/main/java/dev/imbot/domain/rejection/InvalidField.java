package dev.imbot.domain.rejection;

import java.util.Objects;

/**
 * A request field that breaks its rule: {@code WRONG_REQUEST} with the text {@code "<field>
 * <rule>"}, e.g. {@code PROPERTIES[COLOR] must be one of RED, …}.
 *
 * @param field the field's name as the caller sent it
 * @param rule what the field must be
 */
public record InvalidField(String field, String rule) implements Rejection {

  public InvalidField {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
  }

  public static InvalidField of(String field, String rule) {
    return new InvalidField(field, rule);
  }

  /** The same rule for the field named {@code prefix[field]}, for fields sent nested. */
  public InvalidField nestedUnder(String prefix) {
    int bracket = field.indexOf('[');
    String head = bracket < 0 ? field : field.substring(0, bracket);
    String tail = bracket < 0 ? "" : field.substring(bracket);
    return new InvalidField(prefix + "[" + head + "]" + tail, rule);
  }

  @Override
  public RequestRejectionReason reason() {
    return RequestRejectionReason.FIELD_INVALID;
  }

  @Override
  public BitrixError error() {
    return new BitrixError("WRONG_REQUEST", field + " " + rule);
  }
}
