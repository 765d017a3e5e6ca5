package dev.imbot.application.service.limit;

import dev.imbot.application.port.in.limit.AdmitRequestUseCase;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.application.port.out.limit.RequestBuckets;
import dev.imbot.domain.limit.Admission;
import dev.imbot.domain.limit.RequestRate;

/**
 * Service: one bucket per caller (a webhook's user, or an application whichever of its tokens it
 * uses) and client IP. Off, it admits everything without touching a bucket.
 */
public final class AdmitRequestService implements AdmitRequestUseCase {
  private final RequestBuckets buckets;
  private final RequestRate rate;
  private final boolean enabled;

  public AdmitRequestService(RequestBuckets buckets, RequestRate rate, boolean enabled) {
    this.buckets = buckets;
    this.rate = rate;
    this.enabled = enabled;
  }

  /** A service that admits every request: the limit is off. */
  public static AdmitRequestService off() {
    return new AdmitRequestService(
        (key, rate) -> Admission.ADMITTED, RequestRate.BITRIX24_CLOUD, false);
  }

  @Override
  public Admission admit(Caller caller, String clientIp) {
    if (!enabled) {
      return Admission.ADMITTED;
    }
    return buckets.take(key(caller) + '@' + (clientIp == null ? "unknown" : clientIp), rate);
  }

  private static String key(Caller caller) {
    if (caller instanceof Caller.Application application) {
      return "application:" + application.application().value();
    }
    return "webhook:" + ((Caller.Webhook) caller).userId();
  }
}
