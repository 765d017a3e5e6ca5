package dev.imbot.adapter.rest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.core.SerializableString;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EnvelopeWriter} writes the very bytes the service's JSON mapper writes. */
@MicronautTest(startApplication = false)
class EnvelopeWriterTest {
  private static final String AWKWARD =
      "Лучший сотрудник \"quoted\" back\\slash / </script> tab\t nl\n nul\0 \u2028 \uD83D\uDE00";

  @Inject JsonMapper mapper;

  private void assertSameBytesAsTheMapper(Object value) throws IOException {
    byte[] expected = mapper.writeValueAsBytes(value);
    assertThat(new String(EnvelopeWriter.write(value), StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(EnvelopeWriter.write(value)).isEqualTo(expected);
  }

  @Test
  void givenSuccessEnvelopeWithBitrixTime_write_matchesTheMapper() throws IOException {
    Map<String, Object> time = new LinkedHashMap<>();
    time.put("start", new BigDecimal("1795491818.777642"));
    time.put("finish", new BigDecimal("1795491818.982601"));
    time.put("duration", new BigDecimal("0.000000"));
    time.put("processing", BigDecimal.valueOf(1234, 6));
    time.put("date_start", "2026-11-24T03:43:38+00:00");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", 2L);
    body.put("time", time);

    assertSameBytesAsTheMapper(body);
  }

  @Test
  void givenBotListWithAwkwardNames_write_matchesTheMapper() throws IOException {
    Map<String, Object> list = new LinkedHashMap<>();
    for (long id = 1; id <= 50; id++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ID", id);
      entry.put("NAME", AWKWARD.substring(0, (int) (id % AWKWARD.length())));
      entry.put("CODE", "bot" + id);
      entry.put("OPENLINE", id % 2 == 0 ? "Y" : "N");
      list.put(Long.toString(id), entry);
    }

    assertSameBytesAsTheMapper(Map.of("result", list));
  }

  @Test
  void givenFixedObjects_write_matchesTheMapperOnTheSameMaps() throws IOException {
    List<Object> fixed = new ArrayList<>();
    List<Object> maps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Object[] values = {(long) i, AWKWARD.substring(i), i % 2 == 0 ? null : List.of(i), true};
      fixed.add(new Fixed(values));
      Map<String, Object> map = new LinkedHashMap<>();
      for (int k = 0; k < values.length; k++) {
        map.put(Fixed.NAMES[k], values[k]);
      }
      maps.add(map);
    }

    assertThat(EnvelopeWriter.write(Map.of("result", fixed)))
        .isEqualTo(mapper.writeValueAsBytes(Map.of("result", maps)));
  }

  @Test
  void givenKeyOutsidePlainAscii_keys_refusesIt() {
    assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeWriter.keys("ID", AWKWARD));
    assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeWriter.keys(""));
    assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeWriter.keys("a-b"));
  }

  /** A fixed object that is not a map: only its keys and values reach the writer. */
  private record Fixed(Object[] values) implements EnvelopeWriter.FixedObject {
    static final String[] NAMES = {"ID", "NAME_2", "x", "OPENLINE"};
    static final SerializableString[] KEYS = EnvelopeWriter.keys(NAMES);

    @Override
    public SerializableString[] keys() {
      return KEYS;
    }

    @Override
    public Object value(int index) {
      return values[index];
    }
  }

  @Test
  void givenEdgeValues_write_matchesTheMapper() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("empty list", List.of());
    body.put("empty map", Map.of());
    body.put("null", null);
    body.put("true", true);
    body.put("false", false);
    body.put("min int", Integer.MIN_VALUE);
    body.put("max long", Long.MAX_VALUE);
    body.put("big integer", new BigInteger("123456789012345678901234567890"));
    body.put("tiny decimal", new BigDecimal("1E-20"));
    body.put("huge decimal", new BigDecimal("1E+70"));
    body.put(AWKWARD, Arrays.asList(AWKWARD, null, 7, List.of(List.of())));

    assertSameBytesAsTheMapper(body);
  }

  @Test
  void givenThousandRandomTrees_write_matchesTheMapper() throws IOException {
    Random random = new Random(20261124);
    for (int i = 0; i < 1_000; i++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("result", randomValue(random, 0));
      assertSameBytesAsTheMapper(body);
    }
  }

  @Test
  void givenValueOutsideTheEnvelopeTypes_write_refusesIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvelopeWriter.write(Map.of("when", Instant.EPOCH)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvelopeWriter.write(Map.of(1, "key is not a string")));
  }

  private static Object randomValue(Random random, int depth) {
    int kind = depth >= 4 ? random.nextInt(6) : random.nextInt(8);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextInt();
      case 3:
        return random.nextLong();
      case 4:
        return BigDecimal.valueOf(random.nextLong(), random.nextInt(12));
      case 5:
        return randomText(random);
      case 6:
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(randomValue(random, depth + 1));
        }
        return list;
      default:
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          map.put(randomText(random), randomValue(random, depth + 1));
        }
        return map;
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      int pick = random.nextInt(AWKWARD.length() + 64);
      text.append(
          pick < AWKWARD.length() ? AWKWARD.charAt(pick) : (char) (pick - AWKWARD.length()));
    }
    return text.toString();
  }
}
