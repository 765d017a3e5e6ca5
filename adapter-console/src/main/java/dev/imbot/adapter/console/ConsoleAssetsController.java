package dev.imbot.adapter.console;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Console adapter: the stylesheet and scripts, from the jar (no CDN, works offline). */
@Controller("/console/assets")
final class ConsoleAssetsController {
  private static final Map<String, String> ASSETS =
      Map.of(
          "console.css", "text/css;charset=utf-8",
          "console.js", "text/javascript;charset=utf-8",
          "chat.js", "text/javascript;charset=utf-8");

  @Get("/{name}")
  HttpResponse<?> asset(@PathVariable String name) {
    String type = ASSETS.get(name);
    if (type == null) {
      return HttpResponse.notFound();
    }
    try (InputStream in = getClass().getResourceAsStream("/console-assets/" + name)) {
      if (in == null) {
        return HttpResponse.notFound();
      }
      return HttpResponse.ok(in.readAllBytes())
          .contentType(type)
          .header(HttpHeaders.CACHE_CONTROL, "max-age=300");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
