package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.PortalSettings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Contract of the outgoing port {@link PortalSettings}, run against every adapter: a value is made
 * once and kept; callers racing to make it all get the one that was stored.
 */
public abstract class PortalSettingsContract extends PortalContract {

  private PortalSettings settings() {
    return portal.settings();
  }

  @Test
  void givenNoValue_getOrCreate_storesTheFreshValueAndAnswersItFromThenOn() {
    AtomicInteger made = new AtomicInteger();

    String first = settings().getOrCreate("member_id", () -> "first-" + made.incrementAndGet());
    String second = settings().getOrCreate("member_id", () -> "second-" + made.incrementAndGet());

    assertThat(first).isEqualTo("first-1");
    assertThat(second).isEqualTo("first-1");
    assertThat(made.get()).as("a stored value is not made again").isEqualTo(1);
  }

  @Test
  void givenTwoNames_getOrCreate_keepsEachOwnValue() {
    settings().getOrCreate("member_id", () -> "m");
    settings().getOrCreate("language", () -> "en");

    assertThat(settings().getOrCreate("member_id", () -> "other")).isEqualTo("m");
    assertThat(settings().getOrCreate("language", () -> "other")).isEqualTo("en");
  }

  @Test
  void givenCallersRacingForOneName_getOrCreate_answersEveryoneTheSameValue() {
    Set<String> answers = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> callers =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.runAsync(
                        () -> answers.add(settings().getOrCreate("raced", () -> "value-" + i))))
            .toList();

    CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();

    assertThat(answers).hasSize(1);
    assertThat(settings().getOrCreate("raced", () -> "late")).isIn(answers);
  }
}
