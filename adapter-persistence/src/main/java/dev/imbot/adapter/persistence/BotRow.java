package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.Avatar;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.bot.Gender;
import dev.imbot.domain.bot.ImageFormat;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A bot as stored: a {@code bot} row joined with its {@code portal_user} row (the e-mail). Absent
 * profile fields are null; enums are stored by their wire letter or name.
 */
record BotRow(
    long userId,
    String applicationKey,
    String code,
    String type,
    boolean openLines,
    String name,
    String lastName,
    String color,
    String email,
    LocalDate birthday,
    String workPosition,
    String personalWww,
    String gender,
    byte[] avatar,
    String avatarFormat,
    Integer avatarWidth,
    Integer avatarHeight,
    Instant registeredAt) {

  /** The columns {@link #read} expects, for {@code FROM bot b JOIN portal_user u}. */
  static final String COLUMNS =
      "b.user_id, b.application_key, b.code, b.type, b.open_lines, b.name, b.last_name, b.color,"
          + " u.email, b.birthday, b.work_position, b.personal_www, b.gender, b.avatar,"
          + " b.avatar_format, b.avatar_width, b.avatar_height, b.registered_at";

  /** How many parameters {@link #bindBotValues} binds. */
  static final int BOT_VALUE_COUNT = 15;

  /** The columns {@link #bindBotValues} binds, in its order. */
  static final String BOT_VALUE_COLUMNS =
      "code, type, open_lines, name, last_name, color, birthday, work_position, personal_www,"
          + " gender, avatar, avatar_format, avatar_width, avatar_height, registered_at";

  static BotRow from(Bot bot) {
    BotProfile profile = bot.profile();
    Avatar avatar = profile.avatar();
    return new BotRow(
        bot.id().value(),
        bot.application().value(),
        bot.code().value(),
        bot.type().letter(),
        bot.openLines(),
        profile.name(),
        profile.lastName(),
        profile.color() == null ? null : profile.color().name(),
        profile.email() == null ? null : profile.email().value(),
        profile.birthday(),
        profile.workPosition(),
        profile.personalWww(),
        profile.gender() == null ? null : profile.gender().letter(),
        avatar == null ? null : avatar.bytes(),
        avatar == null ? null : avatar.format().name(),
        avatar == null ? null : avatar.width(),
        avatar == null ? null : avatar.height(),
        bot.registeredAt());
  }

  Bot toBot() {
    Avatar photo =
        avatar == null
            ? null
            : new Avatar(avatar, ImageFormat.valueOf(avatarFormat), avatarWidth, avatarHeight);
    BotProfile profile =
        new BotProfile(
            name,
            lastName,
            color == null ? null : Color.valueOf(color),
            email == null ? null : Email.of(email),
            birthday,
            workPosition,
            personalWww,
            gender == null ? null : Gender.fromWire(gender).orElseThrow(),
            photo);
    return Bot.reconstitute(
        BotId.of(userId),
        ApplicationKey.of(applicationKey),
        BotCode.of(code),
        botType(type),
        openLines,
        profile,
        registeredAt);
  }

  /** Reads the current row, in {@link #COLUMNS} order. */
  static BotRow read(ResultSet rs) throws SQLException {
    return new BotRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getObject(10, LocalDate.class),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getBytes(14),
        rs.getString(15),
        rs.getObject(16, Integer.class),
        rs.getObject(17, Integer.class),
        rs.getObject(18, OffsetDateTime.class).toInstant());
  }

  /**
   * Binds code, type, Open Lines, the profile columns and the registration time (in this order,
   * {@value #BOT_VALUE_COUNT} parameters) from {@code first} on.
   */
  void bindBotValues(PreparedStatement statement, int first) throws SQLException {
    int i = first;
    statement.setString(i++, code);
    statement.setString(i++, type);
    statement.setBoolean(i++, openLines);
    statement.setString(i++, name);
    statement.setString(i++, lastName);
    statement.setString(i++, color);
    statement.setObject(i++, birthday, Types.DATE);
    statement.setString(i++, workPosition);
    statement.setString(i++, personalWww);
    statement.setString(i++, gender);
    if (avatar == null) {
      statement.setNull(i++, Types.VARBINARY);
    } else {
      statement.setBytes(i++, avatar);
    }
    statement.setString(i++, avatarFormat);
    statement.setObject(i++, avatarWidth, Types.INTEGER);
    statement.setObject(i++, avatarHeight, Types.INTEGER);
    statement.setObject(i, OffsetDateTime.ofInstant(registeredAt, ZoneOffset.UTC));
  }

  private static final BotType[] BOT_TYPES = BotType.values();

  private static BotType botType(String letter) {
    for (BotType type : BOT_TYPES) {
      if (type.letter().equals(letter)) {
        return type;
      }
    }
    throw new IllegalStateException("unknown stored bot type " + letter);
  }
}
