package dev.imbot.adapter.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

/**
 * Console adapter: renders a page's template (compiled to Java by the build) with its view model.
 */
@Singleton
final class Pages {
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  HttpResponse<String> ok(String template, Object model) {
    return status(HttpStatus.OK, template, model);
  }

  HttpResponse<String> status(HttpStatus status, String template, Object model) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
        .body(render(template, model));
  }

  /** The template's HTML, for a fragment of a page. */
  String render(String template, Object model) {
    StringOutput html = new StringOutput();
    templates.render(template + ".jte", model, html);
    return html.toString();
  }
}
