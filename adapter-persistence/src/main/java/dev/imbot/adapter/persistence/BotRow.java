package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.Avatar;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.bot.ImageFormat;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A bot as stored: a {@code bot} row joined with its {@code portal_user} row (the e-mail). Absent
 * profile fields are null; enums are stored by their wire letter or name. Components are named
 * after the columns, which bind and map them by name.
 */
public record BotRow(
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
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<BotRow> MAPPER =
      (rs, context) ->
          new BotRow(
              rs.getLong("user_id"),
              rs.getString("application_key"),
              rs.getString("code"),
              rs.getString("type"),
              rs.getBoolean("open_lines"),
              rs.getString("name"),
              rs.getString("last_name"),
              rs.getString("color"),
              rs.getString("email"),
              rs.getObject("birthday", LocalDate.class),
              rs.getString("work_position"),
              rs.getString("personal_www"),
              rs.getString("gender"),
              rs.getBytes("avatar"),
              rs.getString("avatar_format"),
              Columns.nullableInt(rs, "avatar_width"),
              Columns.nullableInt(rs, "avatar_height"),
              Columns.instant(rs, "registered_at"));

  /** The columns of a whole bot, for {@code FROM bot b JOIN portal_user u}. */
  static final String COLUMNS =
      "b.user_id, b.application_key, b.code, b.type, b.open_lines, b.name, b.last_name, b.color,"
          + " u.email, b.birthday, b.work_position, b.personal_www, b.gender, b.avatar,"
          + " b.avatar_format, b.avatar_width, b.avatar_height, b.registered_at";

  /** Binds this row's components to the parameters named after them that {@code statement} has. */
  NamedStatement.Bound bindTo(NamedStatement.Bound statement) throws java.sql.SQLException {
    return statement
        .number("userId", userId)
        .string("applicationKey", applicationKey)
        .string("code", code)
        .string("type", type)
        .bool("openLines", openLines)
        .string("name", name)
        .string("lastName", lastName)
        .string("color", color)
        .string("email", email)
        .date("birthday", birthday)
        .string("workPosition", workPosition)
        .string("personalWww", personalWww)
        .string("gender", gender)
        .bytes("avatar", avatar)
        .string("avatarFormat", avatarFormat)
        .integer("avatarWidth", avatarWidth)
        .integer("avatarHeight", avatarHeight)
        .instant("registeredAt", registeredAt);
  }

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
        BotSummaries.botType(type),
        openLines,
        profile,
        registeredAt);
  }
}
