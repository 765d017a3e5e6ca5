package dev.imbot.adapter.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.net.URI;

/** Console adapter: the service's root sends browsers to the console. */
@Controller
final class ConsoleRootController {
  @Get("/")
  HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create("/console/"));
  }
}
