package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST method {@code user.current}: the acting user (a person, or a bot acting with its token) in
 * Bitrix24's shape: {@code ID}, {@code ACTIVE}, {@code NAME}, {@code LAST_NAME}, {@code EMAIL},
 * {@code PERSONAL_GENDER}, {@code WORK_POSITION}, {@code IS_ONLINE}, {@code USER_TYPE}.
 */
@Singleton
public final class UserCurrentMethod implements BitrixMethod {
  private final AdministerPeopleUseCase people;
  private final ListBotsUseCase bots;

  public UserCurrentMethod(AdministerPeopleUseCase people, ListBotsUseCase bots) {
    this.people = people;
    this.bots = bots;
  }

  @Override
  public String name() {
    return "user.current";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    return MethodResult.of(describe(call.caller().actingUser(), people, bots));
  }

  /** The user's fields, or {@code []} when the portal has no such user any more. */
  static Object describe(UserId user, AdministerPeopleUseCase people, ListBotsUseCase bots) {
    var person = people.find(user);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ID", Long.toString(user.value()));
    answer.put("ACTIVE", true);
    if (person.isPresent()) {
      answer.put("NAME", person.get().name());
      answer.put("LAST_NAME", nullToEmpty(person.get().lastName()));
      answer.put("EMAIL", person.get().email() == null ? "" : person.get().email().value());
      answer.put(
          "PERSONAL_GENDER", person.get().gender() == null ? "" : person.get().gender().letter());
      answer.put("WORK_POSITION", nullToEmpty(person.get().workPosition()));
      answer.put("IS_ONLINE", "N");
      answer.put("USER_TYPE", "employee");
      return answer;
    }
    var bot =
        bots.listBots(new ListBotsQuery()).stream()
            .filter(b -> b.id().userId().equals(user))
            .findFirst();
    if (bot.isEmpty()) {
      return List.of();
    }
    answer.put("NAME", bot.get().fullName());
    answer.put("LAST_NAME", "");
    answer.put("EMAIL", "");
    answer.put("PERSONAL_GENDER", "");
    answer.put("WORK_POSITION", "");
    answer.put("IS_ONLINE", "Y");
    answer.put("USER_TYPE", "bot");
    return answer;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
