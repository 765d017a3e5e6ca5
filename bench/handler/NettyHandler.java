import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
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

/**
 * bench/run's event handler for the delivery step: the "small Netty server" issue 11 names as a
 * minimal local handler, answering every POST 200 at once on its event loops. Compiled with
 * BenchHandler, whose figures it keeps, on the service jar's classpath (its Netty):
 * {@code java -cp imbot-registry.jar:DIR NettyHandler HOST PORT}. Counts ONIMBOTMESSAGEADD events;
 * a message text "b<epoch µs>" gives the latency from that moment to receipt. GET /stats: one line
 * of figures; POST /reset: clears them; GET /sample: the last event body as received.
 */
public class NettyHandler {
  static final String EVENT = "event=ONIMBOTMESSAGEADD&";
  // The service encodes a key's brackets as PHP's http_build_query does; the plain form is read too.
  static final String[] MESSAGE_KEYS = {"data%5BPARAMS%5D%5BMESSAGE%5D=", "data[PARAMS][MESSAGE]="};

  public static void main(String[] args) throws Exception {
    ChannelFuture bound =
        new ServerBootstrap()
            .group(
                new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()),
                new MultiThreadIoEventLoopGroup(
                    Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory()))
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
            .await();
    if (!bound.isSuccess()) {
      // The event loops' threads would keep the JVM alive, and bench/run waiting for "ready".
      bound.cause().printStackTrace();
      System.exit(1);
    }
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
      if (HttpUtil.isKeepAlive(request)) {
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

  static String handle(FullHttpRequest request) {
    String path = request.uri();
    if (HttpMethod.GET.equals(request.method())) {
      return switch (path) {
        case "/stats" -> BenchHandler.stats();
        case "/sample" -> BenchHandler.sample;
        default -> "";
      };
    }
    if ("/reset".equals(path)) {
      BenchHandler.reset();
      return "";
    }
    // A form body is ASCII: ISO-8859-1 is the JDK's cheapest decoding of it.
    String body = request.content().toString(StandardCharsets.ISO_8859_1);
    if (!body.startsWith(EVENT)) {
      if (!body.startsWith("BENCH")) BenchHandler.others.incrementAndGet();
      return "";
    }
    BenchHandler.received(body, BenchHandler.micros(), sentMicros(body));
    return "";
  }

  // The message text's "b<digits>", read in place rather than the whole form decoded: digits
  // need no decoding.
  static long sentMicros(String body) {
    for (String key : MESSAGE_KEYS) {
      int at = body.indexOf(key);
      if (at < 0) continue;
      int start = at + key.length();
      int end = body.indexOf('&', start);
      String text = body.substring(start, end < 0 ? body.length() : end);
      return text.startsWith("b") ? BenchHandler.parse(text.substring(1)) : -1;
    }
    return -1;
  }
}
