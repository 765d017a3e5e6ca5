import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/run's event handler for the delivery step: the "small Netty server" issue 11 names as a
 * minimal local handler, answering every POST 200 at once on its event loops. Run on the
 * service jar's classpath (its Netty): {@code java -cp imbot-registry.jar:DIR NettyHandler HOST
 * PORT}. Counts ONIMBOTMESSAGEADD events; a message text "b<epoch µs>" gives the latency from that
 * moment to receipt. GET /stats: one line of figures (BenchHandler's format); POST /reset: clears
 * them; GET /sample: the last event body as received.
 */
public class NettyHandler {
  static final AtomicLong messages = new AtomicLong();
  static final AtomicLong others = new AtomicLong();
  static volatile long firstMicros, lastMicros;
  static final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  static volatile String sample = "";
  static final String EVENT = "event=ONIMBOTMESSAGEADD&";
  // The service encodes a key's brackets as PHP's http_build_query does; the plain form is read too.
  static final String[] MESSAGE_KEYS = {"data%5BPARAMS%5D%5BMESSAGE%5D=", "data[PARAMS][MESSAGE]="};

  public static void main(String[] args) throws Exception {
    NioEventLoopGroup boss = new NioEventLoopGroup(1);
    NioEventLoopGroup workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
    new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel
                    .pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(1 << 20))
                    .addLast(new Answer());
              }
            })
        .bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])))
        .sync();
    System.out.println("ready");
  }

  /** Answers each request on the event loop that read it. */
  static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
      String text = handle(request);
      ByteBuf content =
          text.isEmpty() ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      if (keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        context.writeAndFlush(response);
      } else {
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      context.close();
    }
  }

  static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  static String handle(FullHttpRequest request) {
    String path = request.uri();
    if (HttpMethod.GET.equals(request.method())) {
      return switch (path) {
        case "/stats" -> stats();
        case "/sample" -> sample;
        default -> "";
      };
    }
    if ("/reset".equals(path)) {
      messages.set(0);
      others.set(0);
      firstMicros = lastMicros = 0;
      latencies.clear();
      return "";
    }
    // A form body is ASCII: ISO-8859-1 is the JDK's cheapest decoding of it.
    String body = request.content().toString(StandardCharsets.ISO_8859_1);
    if (!body.startsWith(EVENT)) {
      if (!body.startsWith("BENCH")) others.incrementAndGet();
      return "";
    }
    long now = micros();
    sample = body;
    long sent = sentMicros(body);
    if (sent > 0) latencies.add(now - sent);
    synchronized (NettyHandler.class) {
      if (firstMicros == 0) firstMicros = now;
      lastMicros = Math.max(lastMicros, now);
    }
    messages.incrementAndGet();
    return "";
  }

  // The message text's "b<digits>", read in place: digits need no decoding.
  static long sentMicros(String body) {
    for (String key : MESSAGE_KEYS) {
      int at = body.indexOf(key);
      if (at < 0) continue;
      int start = at + key.length();
      if (start >= body.length() || body.charAt(start) != 'b') return -1;
      int end = start + 1;
      while (end < body.length() && body.charAt(end) >= '0' && body.charAt(end) <= '9') end++;
      boolean whole = end == body.length() || body.charAt(end) == '&';
      if (!whole || end - start - 1 == 0 || end - start - 1 > 18) return -1;
      return Long.parseLong(body, start + 1, end, 10);
    }
    return -1;
  }

  static String percentiles(String name, ConcurrentLinkedQueue<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    java.util.Arrays.sort(v);
    if (v.length == 0) return " " + name + "_n=0 " + name + "_p50_ms=0 " + name + "_p99_ms=0";
    return String.format(
        " %s_n=%d %s_p50_ms=%.3f %s_p99_ms=%.3f",
        name, v.length, name, v[(int) (v.length * 0.5)] / 1000.0,
        name, v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1000.0);
  }

  static String stats() {
    return "messages=" + messages.get() + " others=" + others.get() + " answer_errors=0"
        + " first_us=" + firstMicros + " last_us=" + lastMicros + " now_us=" + micros()
        + percentiles("latency", latencies) + " roundtrip_n=0 roundtrip_p50_ms=0 roundtrip_p99_ms=0\n";
  }
}
