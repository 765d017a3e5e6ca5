package dev.imbot.application.port.in.portal;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Use case (the delivery worker, at each attempt): the {@code auth} blocks of an event, with tokens
 * minted now, so a retry hours later still carries live ones.
 */
public interface MintEventTokensUseCase {

  /**
   * Renders the blocks of {@code subjects} for an event of {@code application}. A local
   * application's blocks carry a fresh access token for each user ({@code refresh_token} only for
   * the events Bitrix24 sends it with); a webhook-keyed one's carry none: {@code auth} is {@code
   * domain}, {@code member_id} and {@code application_token} (its {@code CLIENT_ID}), and bots get
   * no block. With no acting user, {@code auth} holds those three keys only.
   *
   * @param event the event's wire name, e.g. {@code ONIMBOTMESSAGEADD}
   */
  EventAuth mint(ApplicationKey application, String event, AuthSubjects subjects);

  /**
   * The rendered blocks.
   *
   * @param auth the top-level {@code auth[...]}
   * @param bots per bot, the keys of {@code data[BOT][<id>]} (with {@code client_id}); empty for a
   *     webhook-keyed application
   */
  record EventAuth(EventData auth, Map<UserId, EventData> bots) {
    public EventAuth {
      Objects.requireNonNull(auth, "auth");
      bots = Map.copyOf(bots);
    }

    /**
     * {@code data} with each bot's block written into {@code data[BOT][<id>]}, and into each {@code
     * data[COMMAND][<command id>]} of an {@code ONIMCOMMANDADD} (for the bot its {@code BOT_ID}
     * names): its keys, then a copy under {@code AUTH}, then what the event already had there
     * ({@code BOT_ID}, {@code BOT_CODE}, …), as Bitrix24 orders them. Entries without a block keep
     * their entry as it is.
     */
    public EventData mergeInto(EventData data) {
      if (bots.isEmpty()) {
        return data;
      }
      Map<String, Object> copy = new LinkedHashMap<>(data.asMap());
      data.nested("BOT").ifPresent(b -> copy.put("BOT", merged(b, (key, entry) -> key)));
      data.nested("COMMAND")
          .ifPresent(
              c -> copy.put("COMMAND", merged(c, (key, entry) -> entry.text("BOT_ID").orElse(""))));
      EventData.Builder result = EventData.builder();
      copy.forEach((key, value) -> putAny(result, key, value));
      return result.build();
    }

    /** {@code entries} with the block of the bot {@code botOf} names merged into each. */
    private EventData merged(
        EventData entries, java.util.function.BiFunction<String, EventData, String> botOf) {
      EventData.Builder merged = EventData.builder();
      for (Map.Entry<String, Object> entry : entries.asMap().entrySet()) {
        EventData block =
            entry.getValue() instanceof EventData existing
                ? blockOf(botOf.apply(entry.getKey(), existing))
                : null;
        if (block == null) {
          putAny(merged, entry.getKey(), entry.getValue());
          continue;
        }
        EventData.Builder one = EventData.builder();
        block.asMap().forEach((key, value) -> putAny(one, key, value));
        one.put("AUTH", block);
        ((EventData) entry.getValue()).asMap().forEach((key, value) -> putAny(one, key, value));
        merged.put(entry.getKey(), one.build());
      }
      return merged.build();
    }

    private EventData blockOf(String botId) {
      try {
        return bots.get(UserId.of(Long.parseLong(botId)));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private static void putAny(EventData.Builder builder, String key, Object value) {
      if (value instanceof EventData nested) {
        builder.put(key, nested);
      } else {
        builder.put(key, (String) value);
      }
    }
  }
}
