package dev.imbot.adapter.delivery;

import dev.imbot.application.port.out.delivery.WebhookSender;
import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.WebhookRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * HTTP adapter: sends attempts with Netty's HTTP/1.1 codec on one event-loop thread of its own,
 * keeping connections alive between attempts. Resolves the host first and lets the {@link
 * NetworkGuard} judge every address; every attempt then connects to the very address that was
 * checked (the name kept in {@code Host}, and for {@code https} in SNI and the certificate check),
 * so a second lookup cannot rebind the name to an internal address. Redirects are not followed; the
 * connect and whole-attempt timeouts are enforced here. Outcomes complete on the event loop, so
 * that what follows an exchange can send the next attempt at once (decision 178): a dependent must
 * not block there. Name lookups run on {@code executor}.
 */
public final class NettyWebhookSender implements WebhookSender, AutoCloseable {
  /** Idle connections kept per checked address; more are closed when their exchange ends. */
  static final int MAX_IDLE_PER_ADDRESS = 16;

  /** An idle connection unused this long is closed. */
  static final Duration IDLE_CLOSE = Duration.ofSeconds(30);

  /**
   * How soon after a request was written on a kept connection its closing, unanswered, counts as
   * the handler having dropped the connection while it was idle (the attempt is then made again on
   * a new one): a round trip, not a handler that read the request, worked on it and failed.
   */
  static final Duration DROPPED_WINDOW = Duration.ofSeconds(1);

  private final NetworkGuard guard;
  private final HostResolver resolver;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final Executor executor;
  private final Map<Route, ConcurrentLinkedDeque<Channel>> idle = new ConcurrentHashMap<>();
  // Attempts not yet completed, so that closing the sender completes every one of them.
  private final java.util.Set<Attempt> live = ConcurrentHashMap.newKeySet();
  // Built by the first attempt (and the first https attempt): a start that delivers nothing
  // starts no thread and reads no trust store.
  private volatile EventLoopGroup group;
  private volatile Bootstrap bootstrap;
  private volatile SslContext tls;
  private volatile boolean closed;

  private static final AttributeKey<Route> ROUTE = AttributeKey.valueOf("imbot.delivery.route");

  private static final String STOPPING = "not sent: the service is stopping";

  public NettyWebhookSender(
      NetworkGuard guard,
      HostResolver resolver,
      Duration connectTimeout,
      Duration attemptTimeout,
      Executor executor) {
    this(guard, resolver, connectTimeout, attemptTimeout, executor, null);
  }

  /** With {@code tls} trusting what the tests' handlers present (null: the JVM's trust store). */
  NettyWebhookSender(
      NetworkGuard guard,
      HostResolver resolver,
      Duration connectTimeout,
      Duration attemptTimeout,
      Executor executor,
      SslContext tls) {
    this.guard = guard;
    this.resolver = resolver;
    this.connectTimeout = connectTimeout;
    this.attemptTimeout = attemptTimeout;
    this.executor = executor;
    this.tls = tls;
  }

  /** Where an attempt connects: the checked address, and the name it stands for. */
  private record Route(boolean https, InetSocketAddress address, String host) {}

  @Override
  public CompletableFuture<AttemptResult> send(WebhookRequest request) {
    long started = System.nanoTime();
    CompletableFuture<AttemptResult> result = new CompletableFuture<>();
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new AttemptResult.Failed(cause(e), since(started)));
    }
    Runnable prepare = () -> prepareAndSend(request, uri, started, result);
    if (isAddressLiteral(uri.getHost())) {
      prepare.run();
    } else {
      // A name lookup may block: not on the caller's thread.
      try {
        executor.execute(prepare);
      } catch (RejectedExecutionException e) {
        result.complete(new AttemptResult.Failed(STOPPING, since(started)));
      }
    }
    return result;
  }

  private void prepareAndSend(
      WebhookRequest request, URI uri, long started, CompletableFuture<AttemptResult> result) {
    try {
      String host = uri.getHost();
      if (host == null) {
        throw new IllegalArgumentException("no host in " + request.url());
      }
      List<InetAddress> addresses = resolver.resolve(host);
      Optional<String> refusal = guard.refusal(addresses);
      if (refusal.isPresent()) {
        result.complete(new AttemptResult.Blocked(refusal.get(), since(started)));
        return;
      }
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("not an http or https URL: " + request.url());
      }
      int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
      Route route =
          new Route(
              https,
              new InetSocketAddress(addresses.get(0), port),
              bare(host).toLowerCase(Locale.ROOT));
      String hostHeader = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
      String signature =
          StandardWebhooksSignature.header(
              request.signers(), request.webhookId(), request.timestamp(), request.body());
      Attempt attempt =
          new Attempt(
              route,
              () -> {
                FullHttpRequest message =
                    new DefaultFullHttpRequest(
                        HttpVersion.HTTP_1_1,
                        HttpMethod.POST,
                        target,
                        Unpooled.wrappedBuffer(request.body()));
                message.headers().set(HttpHeaderNames.HOST, hostHeader);
                message.headers().set(HttpHeaderNames.CONTENT_TYPE, WebhookRequest.CONTENT_TYPE);
                message.headers().set(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
                request.headers().forEach(message.headers()::set);
                message.headers().set("webhook-signature", signature);
                return message;
              },
              started,
              result);
      exchange(attempt, true);
    } catch (UnknownHostException | SSLException | RuntimeException e) {
      result.complete(new AttemptResult.Failed(cause(e), since(started)));
    }
  }

  /**
   * Runs {@code attempt} on an idle connection to its address, or a new one. A reused connection
   * that turns out closed before any answer (the handler dropped it while it was idle) is given up
   * and the attempt made once more on a new connection.
   */
  private void exchange(Attempt attempt, boolean mayReuse) throws SSLException {
    if (closed) {
      attempt.fail(STOPPING);
      return;
    }
    Channel pooled = mayReuse ? takeIdle(attempt.route) : null;
    if (pooled != null) {
      pooled.eventLoop().execute(() -> run(pooled, attempt, true));
      return;
    }
    if (attempt.route.https()) {
      tls();
    }
    ChannelFuture connected =
        bootstrap().clone().attr(ROUTE, attempt.route).connect(attempt.route.address());
    connected.addListener(
        (ChannelFuture done) -> {
          if (done.isSuccess()) {
            run(done.channel(), attempt, false);
          } else {
            attempt.fail(cause(done.cause()));
          }
        });
  }

  /** On the channel's event loop: writes the request and waits for the answer. */
  private void run(Channel channel, Attempt attempt, boolean reused) {
    Exchanges handler = channel.pipeline().get(Exchanges.class);
    if (!channel.isActive() || handler == null) {
      retryOrFail(attempt, reused, "connection failed: closed");
      channel.close();
      return;
    }
    long left = attemptTimeout.toNanos() - (System.nanoTime() - attempt.started);
    if (left <= 0) {
      // Nothing is sent once the attempt's time is up (a retry on a new connection may come late).
      keepIdle(attempt.route, channel);
      attempt.fail(timedOut());
      return;
    }
    handler.begin(attempt, reused, left);
    channel
        .writeAndFlush(attempt.message.get())
        .addListener(
            (ChannelFuture written) -> {
              if (written.isSuccess()) {
                handler.written(attempt);
              } else {
                handler.failed(written.cause());
              }
            });
  }

  private void retryOrFail(Attempt attempt, boolean reused, String cause) {
    if (reused) {
      try {
        exchange(attempt, false);
        return;
      } catch (SSLException | RuntimeException e) {
        attempt.fail(cause(e));
        return;
      }
    }
    attempt.fail(cause);
  }

  private Channel takeIdle(Route route) {
    ConcurrentLinkedDeque<Channel> channels = idle.get(route);
    if (channels == null) {
      return null;
    }
    Channel channel;
    while ((channel = channels.pollLast()) != null) {
      if (channel.isActive()) {
        return channel;
      }
    }
    forgetIfEmpty(route);
    return null;
  }

  private void forgetIfEmpty(Route route) {
    idle.computeIfPresent(route, (r, channels) -> channels.isEmpty() ? null : channels);
  }

  private void keepIdle(Route route, Channel channel) {
    boolean[] kept = {false};
    idle.compute(
        route,
        (r, channels) -> {
          ConcurrentLinkedDeque<Channel> line =
              channels == null ? new ConcurrentLinkedDeque<>() : channels;
          if (!closed && line.size() < MAX_IDLE_PER_ADDRESS) {
            line.addLast(channel);
            kept[0] = true;
          }
          return line.isEmpty() ? null : line;
        });
    if (!kept[0] || closed) {
      channel.close();
    }
  }

  private Bootstrap bootstrap() {
    Bootstrap built = bootstrap;
    if (built == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the sender is closed");
        }
        built = bootstrap;
        if (built == null) {
          group =
              new MultiThreadIoEventLoopGroup(
                  1,
                  new DefaultThreadFactory("imbot-delivery-io", true),
                  NioIoHandler.newFactory());
          built =
              new Bootstrap()
                  .group(group)
                  .channel(NioSocketChannel.class)
                  .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                  .option(ChannelOption.TCP_NODELAY, true)
                  .handler(
                      new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                          Route route = channel.attr(ROUTE).get();
                          if (route != null && route.https()) {
                            channel.pipeline().addLast(tlsHandler(channel, route));
                          }
                          channel
                              .pipeline()
                              .addLast(new HttpClientCodec())
                              .addLast(
                                  new IdleStateHandler(
                                      0, 0, IDLE_CLOSE.toSeconds(), TimeUnit.SECONDS))
                              .addLast(new Exchanges());
                        }
                      });
          bootstrap = built;
        }
      }
    }
    return built;
  }

  private SslContext tls() throws SSLException {
    SslContext built = tls;
    if (built == null) {
      synchronized (this) {
        built = tls;
        if (built == null) {
          // The JDK's TLS and its trust store: what the operator trusts for the JVM.
          built = SslContextBuilder.forClient().build();
          tls = built;
        }
      }
    }
    return built;
  }

  private SslHandler tlsHandler(Channel channel, Route route) {
    SslHandler handler = tls.newHandler(channel.alloc(), route.host(), route.address().getPort());
    SSLEngine engine = handler.engine();
    SSLParameters parameters = engine.getSSLParameters();
    // The certificate must name the handler's host, whatever address it was reached at.
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(parameters);
    handler.setHandshakeTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return handler;
  }

  /** Closes every connection and stops the event loop. */
  @Override
  public void close() {
    EventLoopGroup running;
    synchronized (this) {
      closed = true;
      running = group;
    }
    idle.values().forEach(channels -> channels.forEach(Channel::close));
    idle.clear();
    // Whatever has not ended ends now: its connection is going, and no callback may be lost.
    for (Attempt attempt : live) {
      attempt.fail("connection failed: the service is stopping");
    }
    if (running != null) {
      running.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }

  /** One attempt: its request (built again for a second connection) and its outcome. */
  private final class Attempt {
    final Route route;
    final Supplier<FullHttpRequest> message;
    final long started;
    final CompletableFuture<AttemptResult> result;

    Attempt(
        Route route,
        Supplier<FullHttpRequest> message,
        long started,
        CompletableFuture<AttemptResult> result) {
      this.route = route;
      this.message = message;
      this.started = started;
      this.result = result;
      live.add(this);
    }

    void fail(String cause) {
      complete(new AttemptResult.Failed(cause, since(started)));
    }

    void complete(AttemptResult outcome) {
      live.remove(this);
      result.complete(outcome);
    }
  }

  /**
   * The handler of one connection: the attempt it runs now, the answer's status, headers and first
   * bytes as they arrive, the attempt's timeout; idle, it closes the connection after {@link
   * #IDLE_CLOSE}.
   */
  private final class Exchanges extends ChannelInboundHandlerAdapter {
    private Channel channel;
    private Attempt current;
    private boolean reused;
    private ScheduledFuture<?> timeout;
    private HttpResponse response;
    private byte[] kept;
    private int length;
    private long writtenAt;

    void begin(Attempt attempt, boolean reusedConnection, long timeoutNanos) {
      current = attempt;
      reused = reusedConnection;
      writtenAt = 0;
      response = null;
      kept = new byte[AttemptResult.MAX_RESPONSE_CHARS];
      length = 0;
      timeout =
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    if (current == attempt) {
                      end();
                      attempt.fail(timedOut());
                      channel.close();
                    }
                  },
                  timeoutNanos,
                  TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      channel = ctx.channel();
    }

    void written(Attempt attempt) {
      if (current == attempt) {
        writtenAt = System.nanoTime();
      }
    }

    /**
     * Whether the unanswered end of {@code attempt} on this connection is a kept connection the
     * handler had dropped: no answer began, the request went out a moment ago (or not at all), and
     * the attempt has time left. A webhook is delivered at least once: a handler that read the
     * request and dropped the connection within that moment gets it twice, with one webhook-id.
     */
    private boolean dropped(Attempt attempt) {
      long now = System.nanoTime();
      return reused
          && response == null
          && (writtenAt == 0 || now - writtenAt < DROPPED_WINDOW.toNanos())
          && now - attempt.started < attemptTimeout.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        Attempt attempt = current;
        if (attempt == null) {
          // Bytes on an idle connection (a body longer than it said): it cannot be trusted again.
          ctx.close();
          return;
        }
        if (msg instanceof io.netty.handler.codec.http.HttpObject object
            && object.decoderResult().isFailure()) {
          // Not HTTP: the attempt fails on its own answer, the connection is not used again.
          Throwable failure = object.decoderResult().cause();
          end();
          ctx.close();
          attempt.fail("connection failed: not an HTTP answer (" + failure.getMessage() + ")");
          return;
        }
        if (msg instanceof HttpResponse answer) {
          int status = answer.status().code();
          if (status >= 100 && status < 200 && status != 101) {
            // An interim answer (100 Continue and the like): the real one follows.
            return;
          }
          response = answer;
        }
        if (response != null && msg instanceof HttpContent content) {
          ByteBuf bytes = content.content();
          int take = Math.min(bytes.readableBytes(), kept.length - length);
          bytes.readBytes(kept, length, take);
          length += take;
          if (msg instanceof LastHttpContent) {
            finished(ctx.channel(), attempt);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void finished(Channel channel, Attempt attempt) {
      HttpResponse answer = response;
      // After 101 the connection speaks another protocol: it is not used again.
      boolean keepAlive = HttpUtil.isKeepAlive(answer) && answer.status().code() != 101;
      // A multi-byte character cut at the limit decodes as a replacement character.
      AttemptResult outcome =
          new AttemptResult.Answered(
              answer.status().code(),
              new String(kept, 0, length, StandardCharsets.UTF_8),
              retryAfter(answer.headers().get(HttpHeaderNames.RETRY_AFTER)),
              since(attempt.started));
      end();
      if (keepAlive && channel.isActive()) {
        keepIdle(attempt.route, channel);
      } else {
        channel.close();
      }
      attempt.complete(outcome);
    }

    private void end() {
      current = null;
      response = null;
      kept = null;
      if (timeout != null) {
        timeout.cancel(false);
        timeout = null;
      }
    }

    /** The write failed, or the connection broke: before any answer on a reused one, again. */
    void failed(Throwable failure) {
      Attempt attempt = current;
      if (attempt == null) {
        return;
      }
      boolean again = dropped(attempt);
      end();
      channel.close();
      retryOrFail(attempt, again, cause(failure));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Route route = ctx.channel().attr(ROUTE).get();
      ConcurrentLinkedDeque<Channel> waiting = route == null ? null : idle.get(route);
      if (waiting != null) {
        waiting.remove(ctx.channel());
        forgetIfEmpty(route);
      }
      Attempt attempt = current;
      if (attempt != null) {
        boolean answered = response != null;
        boolean again = dropped(attempt);
        end();
        retryOrFail(
            attempt,
            again,
            answered
                ? "connection failed: closed before the whole answer"
                : "connection failed: closed before an answer");
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable failure) {
      if (current != null) {
        failed(failure);
      } else {
        ctx.close();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof IdleStateEvent && current == null) {
        ctx.close();
        return;
      }
      ctx.fireUserEventTriggered(event);
    }
  }

  private String cause(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException
            || t instanceof DecoderException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ConnectTimeoutException) {
      return "connect timeout after " + seconds(connectTimeout);
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SSLException) {
      return "TLS: " + t.getMessage();
    }
    if (t instanceof IOException) {
      String message = t.getMessage();
      return message == null ? "connection failed" : "connection failed: " + message;
    }
    return "failed: " + t;
  }

  private String timedOut() {
    return "timeout after " + seconds(attemptTimeout);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** An IP address written as one (no lookup needed): IPv4 dotted digits or a bracketed IPv6. */
  static boolean isAddressLiteral(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.startsWith("[")) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** {@code Retry-After} in seconds or as an HTTP date; absent or unreadable: empty. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return until.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(until);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }
}
