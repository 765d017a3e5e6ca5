package dev.imbot.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.inmemory.InMemoryInboundWebhooks;
import dev.imbot.domain.SecretHash;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest
class RestSmokeTest {
  @Inject EmbeddedServer server;
  @Inject InMemoryInboundWebhooks webhooks;

  @Test
  void smoke() throws Exception {
    webhooks.add(1, SecretHash.of("s3cret"), Instant.now());
    HttpClient client = HttpClient.newHttpClient();
    String form =
        "CODE=newbot&TYPE=B&EVENT_HANDLER=http%3A%2F%2Fwww.hazz%2FchatApi%2Fevent.php&CLIENT_ID=app&PROPERTIES%5BNAME%5D=NewBot";
    for (String path :
        new String[] {"/rest/1/s3cret/imbot.register", "/rest/1/s3cret//IMBOT.REGISTER.json/"}) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.getURL() + path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.println(
          path
              + " -> "
              + response.statusCode()
              + " "
              + response.headers().firstValue("content-type")
              + " "
              + response.body());
      assertThat(response.statusCode()).isEqualTo(200);
    }
    HttpResponse<String> list =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/rest/1/s3cret/imbot.bot.list?bx24_sdk_ver=1"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    System.out.println(list.statusCode() + " " + list.body());
    String json =
        "{\"CODE\":\"b2\",\"EVENT_HANDLER\":\"https://a.b/c\",\"CLIENT_ID\":\"app\",\"PROPERTIES\":{\"NAME\":\"X\"}}";
    HttpResponse<String> r2 =
        client.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/rest/1/s3cret/imbot.register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    System.out.println(r2.statusCode() + " " + r2.body());
    String boundary = "XyZ";
    String multipart =
        "--XyZ\r\nContent-Disposition: form-data; name=\"CODE\"\r\n\r\nb3\r\n--XyZ\r\nContent-Disposition: form-data; name=\"EVENT_HANDLER\"\r\n\r\nhttps://a.b/c\r\n--XyZ\r\nContent-Disposition: form-data; name=\"CLIENT_ID\"\r\n\r\napp\r\n--XyZ\r\nContent-Disposition: form-data; name=\"PROPERTIES[NAME]\"\r\n\r\nM\r\n--XyZ--\r\n";
    HttpResponse<String> r3 =
        client.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/rest/1/s3cret/imbot.register"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    System.out.println(r3.statusCode() + " " + r3.body());
    HttpResponse<String> r4 =
        client.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/rest/1/s3cret/imbot.register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{bad"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    System.out.println(r4.statusCode() + " " + r4.body());
  }
}
