import dev.imbot.adapter.delivery.HostResolver;
import dev.imbot.adapter.delivery.NettyWebhookSender;
import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.Cidr;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.SigningSecret;
import dev.imbot.domain.delivery.WebhookRequest;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/run's sender ceiling (decision 177): the service's own delivery sender alone, with no
 * database and no worker, posting a delivered event to the handler as the worker would (the event
 * rendered as the PHP form, signed, sent on kept-alive connections, the answer read), so the drain
 * (b) can be read against what its HTTP side alone allows on the same machine. Compiled against
 * the service's jar: {@code SenderCeiling <url> <event body file> <attempts per round> <rounds>
 * <in flight>}; one line per round, the first a warm-up.
 */
public final class SenderCeiling {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String body = Files.readString(Path.of(args[1])).strip();
    int perRound = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int inFlight = Integer.parseInt(args[4]);
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, Object> auth = new LinkedHashMap<>();
    String event = "ONIMBOTMESSAGEADD";
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals("event")) {
        event = value;
      } else if (key.startsWith("data[")) {
        put(data, key.substring(5, key.length() - 1).split("\\]\\["), value);
      } else if (key.startsWith("auth[")) {
        put(auth, key.substring(5, key.length() - 1).split("\\]\\["), value);
      }
    }
    EventData eventData = build(data);
    EventData authData = build(auth);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "imbot-delivery-http");
              thread.setDaemon(true);
              return thread;
            });
    NettyWebhookSender sender =
        new NettyWebhookSender(
            new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8"))),
            HostResolver.system(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            executor);
    SigningKeys keys =
        SigningKeys.of(SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long id = 0;
    for (int round = 0; round < rounds; round++) {
      Semaphore slots = new Semaphore(inFlight);
      CountDownLatch done = new CountDownLatch(perRound);
      AtomicLong errors = new AtomicLong();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        slots.acquire();
        DueDelivery delivery =
            new DueDelivery(++id, "custombench", event, 1, url, eventData, AuthSubjects.none(), 0, Instant.now());
        WebhookRequest request =
            WebhookRequest.render(
                delivery, eventData, authData, 1, Instant.now(), keys, "imbot-registry/bench");
        sender
            .send(request)
            .whenComplete(
                (result, failure) -> {
                  if (!(result instanceof AttemptResult.Answered answered)
                      || answered.status() != 200) {
                    errors.incrementAndGet();
                  }
                  slots.release();
                  done.countDown();
                });
      }
      done.await();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuMicros = (os.getProcessCpuTime() - cpu0) / 1e3 / perRound;
      System.out.printf(
          "round=%d%s rps=%.1f cpu_us=%.1f errors=%d%n",
          round, round == 0 ? " (warm-up)" : "", perRound / seconds, cpuMicros, errors.get());
    }
    sender.close();
    System.exit(0);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String[] path, String value) {
    Map<String, Object> node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
    }
    node.put(path[path.length - 1], value);
  }

  @SuppressWarnings("unchecked")
  private static EventData build(Map<String, Object> tree) {
    EventData.Builder builder = EventData.builder();
    tree.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested) {
            builder.put(key, build((Map<String, Object>) nested));
          } else {
            builder.put(key, (String) value);
          }
        });
    return builder.build();
  }
}
