package dev.imbot.adapter.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test helper: sends requests to the embedded server over real HTTP, with the bytes, headers and
 * encodings under the test's control. {@link java.net.http.HttpClient} for requests a URI can
 * express; a raw socket for those it cannot (broken percent-encoding or raw bytes in the query).
 */
final class Wire {
  static final String JSON_UTF8 = "application/json; charset=utf-8";
  static final String FORM = "application/x-www-form-urlencoded";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String base;
  private final String host;
  private final int port;

  Wire(EmbeddedServer server) {
    this.base = "http://" + server.getHost() + ":" + server.getPort();
    this.host = server.getHost();
    this.port = server.getPort();
  }

  /** A response: status, Content-Type and body bytes. */
  record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as parsed JSON (see {@link Json}). */
    Object json() {
      return Json.parse(text());
    }

    /** The body as a JSON object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      Object json = json();
      if (!(json instanceof Map<?, ?>)) {
        throw new AssertionError("not a JSON object: " + text());
      }
      return (Map<String, Object>) json;
    }

    @Override
    public String toString() {
      String text = text();
      return status
          + " "
          + contentType
          + " "
          + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }
  }

  Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  Response post(String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A POST whose body is streamed with chunked transfer encoding (no Content-Length). */
  Response postChunked(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body))));
  }

  Response postForm(String path, String form) {
    return post(path, FORM, form.getBytes(StandardCharsets.UTF_8));
  }

  Response postJson(String path, String json) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code multipart/form-data} POST of text parts, each {name, value}, as browsers send it. */
  Response postMultipart(String path, List<String[]> parts) {
    String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] part : parts) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part[0]
                  + "\"\r\n\r\n"
                  + part[1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /**
   * A request with any method, headers and body ({@code headers}: alternating names and values).
   */
  Response send(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends exactly {@code target} (the request line's path and query, as raw bytes, e.g. with {@code
   * %zz} or bytes that are not UTF-8) over a plain socket, HTTP/1.1 with {@code Connection: close}.
   */
  Response raw(String method, byte[] target, String contentType, byte[] body) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
      head.writeBytes(target);
      StringBuilder headers = new StringBuilder(" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
      headers.append("Connection: close\r\n");
      if (contentType != null) {
        headers.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (body != null) {
        headers.append("Content-Length: ").append(body.length).append("\r\n");
      }
      headers.append("\r\n");
      head.writeBytes(headers.toString().getBytes(StandardCharsets.US_ASCII));
      IOException writeFailure = null;
      try {
        out.write(head.toByteArray());
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        // The server may answer (say 413) and close before reading everything: read its answer.
        writeFailure = e;
      }
      byte[] answer;
      try {
        answer = socket.getInputStream().readAllBytes();
      } catch (IOException e) {
        if (writeFailure != null) {
          e.addSuppressed(writeFailure);
        }
        throw e;
      }
      if (answer.length == 0 && writeFailure != null) {
        throw writeFailure;
      }
      return parse(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code method target} with exactly {@code headers} (whole header lines, no Host or
   * Connection: both are added) and {@code body} bytes as they are, over a plain socket: for
   * headers {@link java.net.http.HttpClient} refuses to send (Transfer-Encoding, repeated or
   * oversized ones). The caller frames the body (a Content-Length or chunks).
   */
  Response rawWithHeaders(String method, String target, List<String> headers, byte[] body) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      head.append("Host: ").append(host).append(':').append(port).append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach(header -> head.append(header).append("\r\n"));
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException refusedEarly) {
        // The server may answer (say 413) and close before reading everything: read its answer.
      }
      byte[] answer = socket.getInputStream().readAllBytes();
      if (answer.length == 0) {
        throw new IOException("connection closed without an answer");
      }
      return parse(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code body} as one chunk and the last chunk, for {@code Transfer-Encoding: …, chunked}. */
  static byte[] chunked(byte[] body) {
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    framed.writeBytes(
        (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    framed.writeBytes(body);
    framed.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return framed.toByteArray();
  }

  Response raw(String method, String target, String contentType, byte[] body) {
    return raw(method, target.getBytes(StandardCharsets.ISO_8859_1), contentType, body);
  }

  private static Response parse(byte[] bytes) {
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IllegalStateException(
          "no complete HTTP response: " + new String(bytes, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = null;
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("content-type")) {
        contentType = value;
      } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      }
    }
    byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
    return new Response(status, contentType, chunked ? unchunk(body) : body);
  }

  private static byte[] unchunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = indexOf(Arrays.copyOfRange(body, i, body.length), new byte[] {'\r', '\n'});
      String size = new String(body, i, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
      int length = Integer.parseInt(size, 16);
      i += lineEnd + 2;
      if (length == 0) {
        break;
      }
      out.write(body, i, length);
      i += length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
