package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST method {@code profile}: the acting user in Bitrix24's shape ({@code ID} as a string, {@code
 * ADMIN}, {@code NAME}, {@code LAST_NAME}, {@code PERSONAL_GENDER}, {@code TIME_ZONE}, {@code
 * TIME_ZONE_OFFSET}) of the acting user: a webhook's user, an issued token's user (a person or a
 * bot), portal user 1 for an application's static token. The service keeps one display name per
 * person: it is {@code NAME}, and {@code LAST_NAME} is empty. A user the portal no longer has
 * answers {@code []}, as Bitrix24 does for an inactive one.
 */
@Singleton
public final class ProfileMethod implements BitrixMethod {
  /** Portal user 1 is the administrator; the portal has no other admins today. */
  private static final long ADMINISTRATOR = 1;

  private final AdministerPeopleUseCase people;
  private final ListBotsUseCase bots;

  public ProfileMethod(AdministerPeopleUseCase people, ListBotsUseCase bots) {
    this.people = people;
    this.bots = bots;
  }

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return people
        .find(call.caller().actingUser())
        .<MethodResult>map(
            person -> {
              Map<String, Object> profile = new LinkedHashMap<>();
              profile.put("ID", Long.toString(person.id().value()));
              profile.put("ADMIN", person.id().value() == ADMINISTRATOR);
              profile.put("NAME", person.name());
              profile.put("LAST_NAME", person.lastName() == null ? "" : person.lastName());
              profile.put(
                  "PERSONAL_GENDER", person.gender() == null ? "" : person.gender().letter());
              profile.put("TIME_ZONE", "");
              // Seconds east of UTC: the service answers every date in UTC.
              profile.put("TIME_ZONE_OFFSET", 0);
              return MethodResult.of(profile);
            })
        .orElseGet(() -> bot(call.caller().actingUser().value()));
  }

  private MethodResult bot(long userId) {
    return bots.listBots(new ListBotsQuery()).stream()
        .filter(bot -> bot.id().value() == userId)
        .findFirst()
        .<MethodResult>map(
            bot -> {
              Map<String, Object> profile = new LinkedHashMap<>();
              profile.put("ID", Long.toString(userId));
              profile.put("ADMIN", false);
              profile.put("NAME", bot.fullName());
              profile.put("LAST_NAME", "");
              profile.put("PERSONAL_GENDER", "");
              profile.put("TIME_ZONE", "");
              profile.put("TIME_ZONE_OFFSET", 0);
              return MethodResult.of(profile);
            })
        .orElseGet(() -> MethodResult.of(List.of()));
  }
}
