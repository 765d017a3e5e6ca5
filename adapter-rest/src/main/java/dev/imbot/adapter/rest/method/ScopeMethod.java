package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.domain.portal.ClientApplication;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;

/**
 * REST method {@code scope}: the caller's scopes as a list of names; an application's are its
 * configured ones, a webhook's every scope this service has ({@code imbot}, {@code im}).
 */
@Singleton
public final class ScopeMethod implements BitrixMethod {
  private final AdministerApplicationsUseCase applications;

  public ScopeMethod(AdministerApplicationsUseCase applications) {
    this.applications = applications;
  }

  @Override
  public String name() {
    return "scope";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    String scope =
        call.caller() instanceof Caller.Application application
            ? applications
                .find(application.application())
                .map(ClientApplication::scope)
                .orElse(ClientApplication.DEFAULT_SCOPE)
            : ClientApplication.DEFAULT_SCOPE;
    List<String> names =
        Arrays.stream(scope.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return MethodResult.of(names);
  }
}
