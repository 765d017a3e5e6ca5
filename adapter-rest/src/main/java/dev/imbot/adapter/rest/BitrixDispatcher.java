package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.limit.CallerKey;
import dev.imbot.adapter.rest.limit.OperatingTime;
import dev.imbot.adapter.rest.ops.RestMetrics;
import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.in.limit.AdmitRequestUseCase;
import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.limit.Admission;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one REST call: finds the method, authenticates, calls it, and wraps the outcome in
 * Bitrix24's envelope ({@code result} + {@code time}, or {@code error} + {@code
 * error_description}). {@code batch} is handled here, as it dispatches to the other methods.
 */
@Singleton
public final class BitrixDispatcher {
  static final String BATCH = "batch";

  private final Map<String, BitrixMethod> methods;
  private final AuthenticateCallerUseCase authentication;
  private final Clock clock;
  private final Batch batch;
  private final OperatingTime operating;
  private final AdmitRequestUseCase admission;
  private final RestMetrics metrics;
  private final ActingAs actingAs;
  private final Set<String> names;

  public BitrixDispatcher(
      List<BitrixMethod> methods,
      AuthenticateCallerUseCase authentication,
      Clock clock,
      OperatingTime operating,
      AdmitRequestUseCase admission,
      RestMetrics metrics,
      ActingAs actingAs) {
    this.actingAs = actingAs;
    this.methods =
        methods.stream()
            .collect(Collectors.toUnmodifiableMap(BitrixMethod::name, Function.identity()));
    this.authentication = authentication;
    this.clock = clock;
    this.operating = operating;
    this.admission = admission;
    this.metrics = metrics;
    this.batch = new Batch(this.methods, clock, operating);
    Set<String> all = new TreeSet<>(this.methods.keySet());
    all.add(BATCH);
    this.names = java.util.Collections.unmodifiableSet(all);
  }

  /** The name of every method this dispatcher answers, {@code batch} included. */
  public Set<String> methodNames() {
    return names;
  }

  /** An HTTP status and the JSON body to send. */
  public record Answer(int status, Map<String, Object> body) {}

  /** Answers a call whose parameters are already decoded, from a client whose IP is unknown. */
  public Answer answer(RestPath path, WireParameters parameters, Instant start) {
    return answer(path, parameters, start, null);
  }

  /**
   * Answers a call whose parameters are already decoded.
   *
   * @param clientIp the caller's address, for the request-rate bucket (null: unknown)
   */
  public Answer answer(RestPath path, WireParameters parameters, Instant start, String clientIp) {
    try {
      String name = path.method();
      if (name == null || !(name.equals(BATCH) || methods.containsKey(name))) {
        throw TransportError.methodNotFound();
      }
      Caller caller = authentication.authenticate(path.credentials(parameters));
      if (admission.admit(caller, clientIp) == Admission.REFUSED) {
        metrics.refused("QUERY_LIMIT_EXCEEDED");
        throw new TransportError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
      }
      BitrixCall call = new BitrixCall(caller, parameters.forMethod());
      Actor actor = actorOf(caller, clientIp);
      return actingAs.run(actor, () -> call(name, call, start));
    } catch (RuntimeException failure) {
      return error(failure);
    }
  }

  /** Who the audit trail names for a call: the webhook's user, or the token's application. */
  private static Actor actorOf(Caller caller, String clientIp) {
    if (caller instanceof Caller.Application application) {
      return Actor.application(application.application().value(), clientIp);
    }
    return Actor.user(((Caller.Webhook) caller).userId(), clientIp);
  }

  /** Runs the method, or the batch, and counts its time. */
  private Answer call(String name, BitrixCall call, Instant start) {
    Caller caller = call.caller();
    long began = System.nanoTime();
    if (name.equals(BATCH)) {
      // Bitrix24 counts the commands' time, each against its own method, not the batch's.
      MethodResult outcome = batch.run(call);
      long processing = System.nanoTime() - began;
      // One reading for both: the reset is ten minutes after the finish the answer shows.
      Instant finish = clock.instant();
      return new Answer(
          200, success(outcome, BitrixTime.of(start, processing, finish, operating.none(finish))));
    }
    String callerKey = CallerKey.of(caller);
    operating.check(callerKey, name);
    MethodResult outcome;
    long processing;
    OperatingTime.Usage usage;
    try {
      outcome = methods.get(name).call(call);
    } finally {
      processing = System.nanoTime() - began;
      usage = operating.record(callerKey, name, processing);
    }
    return new Answer(
        200, success(outcome, BitrixTime.of(start, processing, clock.instant(), usage)));
  }

  /** The error answer for a failure, through {@link BitrixErrors}. */
  public static Answer error(Throwable failure) {
    ErrorAnswer error = BitrixErrors.of(failure);
    return new Answer(error.status(), errorBody(error));
  }

  static Map<String, Object> errorBody(ErrorAnswer error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error.code());
    body.put("error_description", error.description());
    return body;
  }

  private static Map<String, Object> success(MethodResult outcome, Map<String, Object> time) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", outcome.result());
    if (outcome.total() != null) {
      body.put("total", outcome.total());
    }
    if (outcome.next() != null) {
      body.put("next", outcome.next());
    }
    body.put("time", time);
    return body;
  }
}
