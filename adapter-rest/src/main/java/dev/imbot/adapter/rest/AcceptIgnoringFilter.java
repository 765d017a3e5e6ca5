package dev.imbot.adapter.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Drops the request's {@code Accept} header before routing, so every route answers its one
 * representation (JSON; the OpenAPI description in YAML) whatever the client accepts. Bitrix24
 * answers JSON to any {@code Accept}, and clients that send {@code text/html} or {@code
 * application/xml} expect that; left in, Micronaut would refuse them with {@code 406}, a status the
 * Bitrix contract does not have.
 */
// Regex style: its matcher caches the compiled pattern, where the Ant style tokenised
// pattern and path again on every request.
@ServerFilter(patterns = ".*", patternStyle = FilterPatternStyle.REGEX)
public final class AcceptIgnoringFilter {

  @PreMatching
  @RequestFilter
  public void ignoreAccept(MutableHttpRequest<?> request) {
    request.getHeaders().remove(HttpHeaders.ACCEPT);
  }
}
