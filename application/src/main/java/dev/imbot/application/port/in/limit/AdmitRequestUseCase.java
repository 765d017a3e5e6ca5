package dev.imbot.application.port.in.limit;

import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.domain.limit.Admission;

/**
 * Use case: may this authenticated caller, calling from {@code clientIp}, make one more request?
 * One request is one HTTP call, a {@code batch} of many commands included.
 */
public interface AdmitRequestUseCase {

  Admission admit(Caller caller, String clientIp);
}
