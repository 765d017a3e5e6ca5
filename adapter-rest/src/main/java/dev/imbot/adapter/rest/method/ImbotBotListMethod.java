package dev.imbot.adapter.rest.method;

import com.fasterxml.jackson.core.SerializableString;
import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.adapter.rest.wire.EnvelopeWriter;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.domain.bot.BotListing;
import jakarta.inject.Singleton;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * REST method {@code imbot.bot.list}: every bot of the portal keyed by id, or {@code []} when there
 * is none (Bitrix24 serialises an empty PHP array that way).
 */
@Singleton
public final class ImbotBotListMethod implements BitrixMethod {
  private final ListBotsUseCase list;

  public ImbotBotListMethod(ListBotsUseCase list) {
    this.list = list;
  }

  @Override
  public String name() {
    return "imbot.bot.list";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    List<BotListing> bots = list.listBotListings(new ListBotsQuery());
    if (bots.isEmpty()) {
      return MethodResult.of(List.of());
    }
    // Maps, not a serde record: batch resolves $result[list][<id>][CODE] by walking maps. Sized
    // up front, so a thousand bots cost no rehashing.
    Map<String, Object> result = new LinkedHashMap<>(bots.size() * 4 / 3 + 1);
    for (BotListing bot : bots) {
      result.put(Long.toString(bot.id().value()), new Entry(bot));
    }
    return MethodResult.of(result);
  }

  /**
   * One bot's entry, its four keys in Bitrix24's order, read from the listing: a map for batch, a
   * {@link EnvelopeWriter.FixedObject} for the writer (a hash map per bot, a table and four nodes,
   * was a fifth of the method's time with a thousand bots).
   */
  static final class Entry extends AbstractMap<String, Object>
      implements EnvelopeWriter.FixedObject {
    private static final List<String> NAMES = List.of("ID", "NAME", "CODE", "OPENLINE");
    private static final SerializableString[] KEYS =
        EnvelopeWriter.keys(NAMES.toArray(String[]::new));
    private final BotListing bot;

    Entry(BotListing bot) {
      this.bot = bot;
    }

    @Override
    public SerializableString[] keys() {
      return KEYS;
    }

    @Override
    public Object value(int index) {
      return switch (index) {
        case 0 -> bot.id().value();
        case 1 -> bot.fullName();
        case 2 -> bot.code().value();
        case 3 -> bot.openLines() ? "Y" : "N";
        default -> throw new IndexOutOfBoundsException(index);
      };
    }

    @Override
    public Object get(Object key) {
      int index = NAMES.indexOf(key);
      return index < 0 ? null : value(index);
    }

    @Override
    public boolean containsKey(Object key) {
      return NAMES.contains(key);
    }

    @Override
    public int size() {
      return NAMES.size();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < NAMES.size();
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (next >= NAMES.size()) {
                throw new NoSuchElementException();
              }
              int index = next++;
              return new SimpleImmutableEntry<>(NAMES.get(index), value(index));
            }
          };
        }

        @Override
        public int size() {
          return NAMES.size();
        }
      };
    }
  }
}
