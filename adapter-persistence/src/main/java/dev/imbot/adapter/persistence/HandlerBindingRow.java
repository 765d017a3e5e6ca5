package dev.imbot.adapter.persistence;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;

/** A {@code handler_binding} row: one application's handler URL for one event (its wire name). */
public record HandlerBindingRow(long id, String event, String url) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<HandlerBindingRow> MAPPER =
      (rs, context) ->
          new HandlerBindingRow(rs.getLong("id"), rs.getString("event"), rs.getString("url"));

  static HandlerBindings toBindings(List<HandlerBindingRow> rows) {
    Map<BotEvent, HandlerUrl> urls = new EnumMap<>(BotEvent.class);
    rows.forEach(row -> urls.put(event(row.event), HandlerUrl.of(row.url)));
    return urls.isEmpty() ? HandlerBindings.none() : HandlerBindings.of(urls);
  }

  HandlerBinding toBinding() {
    return new HandlerBinding(id, HandlerUrl.of(url));
  }

  /** The event a stored wire name ({@code ONIMBOTDELETE}) stands for. */
  static BotEvent event(String eventName) {
    return Arrays.stream(BotEvent.values())
        .filter(e -> e.eventName().equals(eventName))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown stored event " + eventName));
  }
}
