package dev.imbot.bench;

import dev.imbot.adapter.rest.wire.RequestDecoder;
import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.domain.bot.TestImages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The REST parameter decoder on the seed's example: PHP bracket form body and JSON body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParameterDecoderBenchmark {
  private RequestDecoder decoder;
  private byte[] form;
  private byte[] json;

  @Setup
  public void setUp() {
    decoder = new RequestDecoder();
    String photo = TestImages.pngBase64(64, 64);
    form =
        ("CODE=newbot&TYPE=B&EVENT_HANDLER=http%3A%2F%2Fwww.hazz%2FchatApi%2Fevent.php"
                + "&OPENLINE=Y&CLIENT_ID=bench&PROPERTIES%5BNAME%5D=NewBot"
                + "&PROPERTIES%5BLAST_NAME%5D=&PROPERTIES%5BCOLOR%5D=GREEN"
                + "&PROPERTIES%5BEMAIL%5D=test%40test.ru&PROPERTIES%5BPERSONAL_BIRTHDAY%5D=2016-03-11"
                + "&PROPERTIES%5BWORK_POSITION%5D="
                + URLEncoder.encode("Лучший сотрудник", StandardCharsets.UTF_8)
                + "&PROPERTIES%5BPERSONAL_WWW%5D=http%3A%2F%2Ftest.ru&PROPERTIES%5BPERSONAL_GENDER%5D=F"
                + "&PROPERTIES%5BPERSONAL_PHOTO%5D="
                + URLEncoder.encode(photo, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    json =
        ("{\"CODE\":\"newbot\",\"TYPE\":\"B\",\"EVENT_HANDLER\":\"http://www.hazz/chatApi/event.php\","
                + "\"OPENLINE\":\"Y\",\"CLIENT_ID\":\"bench\",\"PROPERTIES\":{\"NAME\":\"NewBot\","
                + "\"LAST_NAME\":\"\",\"COLOR\":\"GREEN\",\"EMAIL\":\"test@test.ru\","
                + "\"PERSONAL_BIRTHDAY\":\"2016-03-11\",\"WORK_POSITION\":\"Лучший сотрудник\","
                + "\"PERSONAL_WWW\":\"http://test.ru\",\"PERSONAL_GENDER\":\"F\","
                + "\"PERSONAL_PHOTO\":\""
                + photo
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public WireParameters decodeFormBody() {
    return decoder.decode(null, "application/x-www-form-urlencoded", form);
  }

  @Benchmark
  public WireParameters decodeJsonBody() {
    return decoder.decode(null, "application/json", json);
  }
}
