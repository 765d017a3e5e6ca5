package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} through {@code
 * chromium-driver}), against the whole service: sign in with the printed link, create an
 * application, register a bot through REST and find it on the Bots page, a forged cross-site POST
 * refused, sign-out locking the pages; a failing handler's dead deliveries replayed from the
 * Deliveries page (one from its page, the rest by filter from the keyboard) until delivered. It
 * keeps a screenshot of each page in {@code docs/console/}. Without the browser it is skipped
 * locally and fails in CI ({@code CI=true}).
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("..", "docs", "console");
  private static final Pattern SIGN_IN_LINK =
      Pattern.compile("Console: (http://\\S+/console/\\?token=\\S+)");

  private RunningService service;
  private WebDriver browser;
  private HttpServer attacker;

  @BeforeEach
  void start(@TempDir Path directory) {
    requireBrowser();
    service = RunningService.start(ServiceDatabase.h2File(directory));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800");
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (attacker != null) {
      attacker.stop(0);
    }
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void givenThePrintedLink_signingInCreatingAnAppAndRegisteringABot_showsTheBotAndGuardsChanges()
      throws Exception {
    String base = service.baseUrl();
    browser.get(base + "/console/");
    assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    screenshot("sign-in");

    Matcher link = SIGN_IN_LINK.matcher(service.startOutput());
    assertThat(link.find()).as("the start output prints the sign-in link").isTrue();
    browser.get(link.group(1));

    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/bots");
    Cookie session = browser.manage().getCookieNamed("imbot_console");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(browser.findElement(By.cssSelector("p.summary")).getText())
        .isEqualTo("No bot is registered yet.");

    browser.findElement(By.linkText("Applications")).click();
    browser.findElement(By.id("clientId")).sendKeys("browser-app");
    browser.findElement(By.xpath("//button[text()='Create application']")).click();
    List<String> secrets =
        browser.findElements(By.cssSelector(".secrets code")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(secrets).as(browser.getPageSource()).hasSize(3).first().isEqualTo("browser-app");
    screenshot("applications");
    browser.navigate().refresh();
    assertThat(browser.findElements(By.cssSelector(".secrets"))).as("shown once").isEmpty();

    registerThroughRest(base, secrets.get(1));

    browser.findElement(By.linkText("Bots")).click();
    assertThat(browser.findElement(By.cssSelector(".card h2")).getText()).isEqualTo("Console Bot");
    assertThat(browser.findElement(By.cssSelector(".card .initials")).getText()).isEqualTo("CB");
    assertThat(browser.findElement(By.cssSelector(".card .type")).getText())
        .isEqualTo("Human-like bot");
    screenshot("bots");
    browser.manage().window().setSize(new Dimension(390, 844));
    screenshot("bots-phone");
    browser.manage().window().setSize(new Dimension(1280, 800));

    browser.findElement(By.linkText("Console Bot")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Console Bot");
    assertThat(browser.getPageSource()).contains("https://bot.example.com/console-handler");
    screenshot("bot");

    browser.get(base + "/console/applications/delete?key=browser-app");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Its 1 bot is deleted with it", "Console Bot (consolebot)");
    screenshot("delete-application");

    // A page on another origin (same host, other port: same site, so the Strict cookie is sent)
    // posts a form to the console on load.
    String forged = forgedPage(base);
    browser.get(forged);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Refused");
    browser.get(base + "/console/applications");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("forged-app");

    browser.findElement(By.xpath("//button[text()='Sign out']")).click();
    assertThat(browser.getCurrentUrl()).contains("/console/sign-in");
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("You are signed out.");
    browser.get(base + "/console/applications");
    assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    assertThat(browser.getPageSource()).doesNotContain("browser-app");
  }

  @Test
  void givenAFailingHandler_theDeliveriesPage_showsTheDeadDeliveryAndReplaysItUntilDelivered(
      @TempDir Path data) throws Exception {
    // A service of its own: handlers on this machine allowed, one attempt per series.
    service.close();
    service =
        RunningService.start(
            ServiceDatabase.h2File(data),
            Map.of(
                "imbot.delivery.allowed-networks", "127.0.0.0/8",
                "imbot.delivery.retry-schedule", "0s"));
    try (TestHandler handler = new TestHandler(Duration.ZERO).answering(500)) {
      String base = service.baseUrl();
      String webhook = service.firstStartLine().orElseThrow().path();
      for (String code : List.of("first", "second")) {
        Answer bot =
            service.postForm(
                webhook + "imbot.register",
                CrestForm.minimal("deliveries", code)
                    .field("EVENT_HANDLER", handler.url("/" + code))
                    .encoded());
        assertThat(bot.status()).as(bot.toString()).isEqualTo(200);
        service.postForm(
            webhook + "imbot.unregister", "BOT_ID=" + bot.botId() + "&CLIENT_ID=deliveries");
      }
      Matcher link = SIGN_IN_LINK.matcher(service.startOutput());
      assertThat(link.find()).isTrue();
      browser.get(link.group(1));

      browser.findElement(By.linkText("Deliveries")).click();
      List<String> statuses =
          reloadUntil(() -> column("status"), s -> s.equals(List.of("Dead", "Dead")));
      assertThat(statuses).containsExactly("Dead", "Dead");
      assertThat(browser.findElement(By.cssSelector(".panel-head")).getText())
          .contains("OK", handler.url("/first"));
      assertThat(browser.findElement(By.cssSelector(".panel svg")).getAttribute("aria-label"))
          .isEqualTo("Last hour, minute by minute: 0 attempts delivered and 1 failed");
      screenshot("deliveries");

      // The older one: its page shows the attempt and the body decoded.
      List<org.openqa.selenium.WebElement> links =
          browser.findElements(By.cssSelector("table.deliveries tbody td:first-child a"));
      String older = links.get(1).getText();
      links.get(1).click();
      assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Delivery " + older);
      String attempts =
          browser.findElement(By.cssSelector("section[aria-labelledby=attempts-title]")).getText();
      assertThat(attempts).contains("HTTP 500", "failing with 500");
      assertThat(browser.findElement(By.cssSelector(".body-tree")).getText())
          .contains("event ONIMBOTDELETE", "BOT_CODE first")
          .doesNotContain("application_token");
      handler.answering(200);
      browser.findElement(By.xpath("//button[text()='Replay this delivery']")).click();
      assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
          .isEqualTo(
              "Delivery "
                  + older
                  + " is replayed: it is pending again and goes to its handler now.");
      String status =
          reloadUntil(
              () -> browser.findElement(By.cssSelector("h1 .status")).getText(),
              s -> s.equals("Delivered"));
      assertThat(status).isEqualTo("Delivered");
      assertThat(
              browser
                  .findElement(By.cssSelector("section[aria-labelledby=attempts-title]"))
                  .getText())
          .contains("Series 1, attempt 1", "Series 2, attempt 1", "HTTP 200");
      screenshot("delivery");

      // The other one: all dead deliveries of a filter, replayed from the keyboard alone.
      browser.get(base + "/console/deliveries?status=dead");
      assertThat(column("status")).containsExactly("Dead");
      org.openqa.selenium.WebElement focused = browser.switchTo().activeElement();
      for (int i = 0;
          i < 60 && !focused.getText().equals("Replay all dead deliveries of this filter");
          i++) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        focused = browser.switchTo().activeElement();
      }
      assertThat(focused.getText()).isEqualTo("Replay all dead deliveries of this filter");
      new Actions(browser).sendKeys(Keys.ENTER).perform();
      assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
          .isEqualTo("1 dead delivery is replayed: pending again, they go to their handlers now.");
      browser.get(base + "/console/deliveries");
      assertThat(
              reloadUntil(() -> column("status"), s -> s.equals(List.of("Delivered", "Delivered"))))
          .containsExactly("Delivered", "Delivered");
      assertThat(handler.requests()).hasSize(4);
      browser.manage().window().setSize(new Dimension(390, 844));
      screenshot("deliveries-phone");
      browser.manage().window().setSize(new Dimension(1280, 800));

      // A filter the page cannot read is said in words.
      browser.get(base + "/console/deliveries?bot=abc");
      assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
          .isEqualTo("Bot: a bot's id is a whole number above 0.");
    }
  }

  /** The texts of one column of the deliveries table, by its cells' class. */
  private List<String> column(String name) {
    return browser.findElements(By.cssSelector("table.deliveries tbody span." + name)).stream()
        .map(e -> e.getText())
        .toList();
  }

  /** Reloads the page until {@code read} gives what {@code done} accepts (at most 10 s). */
  private <T> T reloadUntil(
      java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    T value = read.get();
    for (int i = 0; i < 50 && !done.test(value); i++) {
      Thread.sleep(200);
      browser.navigate().refresh();
      value = read.get();
    }
    return value;
  }

  private static void registerThroughRest(String base, String accessToken) throws Exception {
    Map<String, String> form =
        Map.of(
            "CODE", "consolebot",
            "TYPE", "H",
            "EVENT_HANDLER", "https://bot.example.com/console-handler",
            "PROPERTIES[NAME]", "Console",
            "PROPERTIES[LAST_NAME]", "Bot",
            "PROPERTIES[COLOR]", "PURPLE");
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/rest/imbot.register?auth=" + accessToken))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"result\":");
  }

  private String forgedPage(String base) throws IOException {
    String html =
        "<!DOCTYPE html><form id=f method=post action=\""
            + base
            + "/console/applications\"><input name=clientId value=forged-app></form>"
            + "<script>document.getElementById('f').submit()</script>";
    attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    attacker.start();
    return "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
  }

  private void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(SCREENSHOTS);
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void requireBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
      return;
    }
    String missing = "Debian's chromium and chromium-driver are not installed";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("The console browser test cannot run in CI: " + missing);
    }
    System.err.println("[ConsoleBrowserTest] skipped: " + missing);
    Assumptions.abort(missing);
  }
}
