package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST method {@code app.info}: the calling application as Bitrix24 describes a local app ({@code
 * ID}, {@code CODE} = client id, {@code VERSION} 1, {@code STATUS} {@code L}, {@code INSTALLED},
 * {@code PAYMENT_EXPIRED} {@code N}, {@code DAYS}, {@code LANGUAGE_ID}, {@code LICENSE}).
 */
@Singleton
public final class AppInfoMethod implements BitrixMethod {
  private final AdministerApplicationsUseCase applications;

  public AppInfoMethod(AdministerApplicationsUseCase applications) {
    this.applications = applications;
  }

  @Override
  public String name() {
    return "app.info";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    ApplicationKey key = call.application();
    var application = applications.find(key);
    Map<String, Object> info = new LinkedHashMap<>();
    // Bitrix24's ID is a number of its own; this service has none, so the client id stands in.
    info.put("ID", key.value());
    info.put("CODE", key.value());
    info.put("VERSION", 1);
    info.put("STATUS", "L");
    info.put(
        "INSTALLED",
        application.map(ClientApplication::state).orElse(InstallState.INSTALLED)
            == InstallState.INSTALLED);
    info.put("PAYMENT_EXPIRED", "N");
    info.put("DAYS", null);
    info.put("LANGUAGE_ID", "en");
    info.put("LICENSE", "selfhosted");
    return MethodResult.of(info);
  }
}
