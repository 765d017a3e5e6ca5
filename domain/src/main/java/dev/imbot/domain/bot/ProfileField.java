package dev.imbot.domain.bot;

/**
 * The fields of {@code PROPERTIES}, in the order their values are checked (imbot.register step 9).
 */
public enum ProfileField {
  NAME,
  LAST_NAME,
  COLOR,
  EMAIL,
  PERSONAL_BIRTHDAY,
  WORK_POSITION,
  PERSONAL_WWW,
  PERSONAL_GENDER,
  PERSONAL_PHOTO;

  /** The key inside {@code PROPERTIES}: upper case, as Bitrix24 clients send it. */
  public String key() {
    return name();
  }

  /** The field's full wire name under {@code prefix}, e.g. {@code PROPERTIES[COLOR]}. */
  public String wireName(String prefix) {
    return prefix + "[" + name() + "]";
  }
}
