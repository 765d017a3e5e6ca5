package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} through {@code
 * chromium-driver}), against the whole service: sign in with the printed link, create an
 * application, register a bot through REST and find it on the Bots page, a forged cross-site POST
 * refused, sign-out locking the pages; on the Chat page, a dialog with a bot whose real handler
 * answers through {@code imbot.message.add}, the answer and its keyboard appearing without reload,
 * a group chat with an {@code @}-mention, editing and deleting one's own message. It takes a
 * screenshot of each page into {@code target/console-screenshots/}, or into {@code docs/console/}
 * (the README's pictures) when run with {@code -Dconsole.screenshots=docs}. Without the browser it
 * is skipped locally and fails in CI ({@code CI=true}). The Deliveries page: a failing handler's
 * dead deliveries replayed (one from its page, the rest by filter from the keyboard) until
 * delivered.
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS =
      "docs".equals(System.getProperty("console.screenshots"))
          ? Path.of("..", "docs", "console")
          : Path.of("target", "console-screenshots");
  private static final Duration LIVE = Duration.ofSeconds(20);
  private static final Duration TYPING = Duration.ofMillis(2500);
  private static final Pattern SIGN_IN_LINK =
      Pattern.compile("Console: (http://\\S+/console/\\?token=\\S+)");

  private RunningService service;
  private WebDriver browser;
  private HttpServer attacker;
  private HttpServer botHandler;
  private org.openqa.selenium.support.ui.Wait<WebDriver> live;
  private final List<String> handlerFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start(@TempDir Path directory) {
    requireBrowser();
    // The chat's bot handler listens on 127.0.0.1, which the delivery guard refuses by default.
    service =
        RunningService.start(
            ServiceDatabase.h2File(directory),
            Map.of("imbot.delivery.allowed-networks", "127.0.0.0/8"));
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
    if (botHandler != null) {
      botHandler.stop(0);
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
    waitFor(By.cssSelector(".secrets code"));
    List<String> secrets =
        browser.findElements(By.cssSelector(".secrets code")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(secrets).as(browser.getPageSource()).hasSize(4).first().isEqualTo("browser-app");
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
    new WebDriverWait(browser, LIVE).until(d -> d.getCurrentUrl().contains("/console/sign-in"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("You are signed out.");
    browser.get(base + "/console/applications");
    assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    assertThat(browser.getPageSource()).doesNotContain("browser-app");
  }

  @Test
  void givenABotWithARealHandler_chattingAsAPerson_showsItsAnswersLiveAndOwnMessagesChange()
      throws Exception {
    String base = service.baseUrl();
    Matcher link = SIGN_IN_LINK.matcher(service.startOutput());
    assertThat(link.find()).isTrue();
    browser.get(link.group(1));
    browser.findElement(By.linkText("Applications")).click();
    browser.findElement(By.id("clientId")).sendKeys("chat-app");
    browser.findElement(By.xpath("//button[text()='Create application']")).click();
    waitFor(By.cssSelector(".secrets code"));
    String token = browser.findElements(By.cssSelector(".secrets code")).get(1).getText();
    String handler = startEchoHandler(base, token);
    long bot =
        registerThroughRest(
            base,
            token,
            Map.of(
                "CODE", "echo",
                "TYPE", "B",
                "EVENT_HANDLER", handler,
                "PROPERTIES[NAME]", "Echo",
                "PROPERTIES[LAST_NAME]", "Bot",
                "PROPERTIES[COLOR]", "AQUA"));
    rest(
        base,
        "imbot.command.register",
        token,
        Map.of(
            "BOT_ID", String.valueOf(bot),
            "COMMAND", "again",
            "EVENT_COMMAND_ADD", handler,
            "LANG[0][LANGUAGE_ID]", "en",
            "LANG[0][TITLE]", "Say it again"));
    // The message list is replaced whenever it changes: every read and click inside it is retried
    // until it holds.
    live = new WebDriverWait(browser, LIVE).ignoring(StaleElementReferenceException.class);

    // Open a dialog with the bot as the administrator (user 1) and write to it.
    browser.findElement(By.linkText("Chat")).click();
    browser.findElement(By.xpath("//button[text()='Open a dialog with Echo Bot']")).click();
    awaitPage("dialog=" + bot);
    assertThat(browser.getCurrentUrl()).endsWith("/console/chat?as=1&dialog=" + bot);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Echo Bot");
    script("window.samePage = true");
    WebElement field = browser.findElement(By.id("text"));
    field.sendKeys("Hello <script>window.pwned = true</script> [b]bot[/b]");
    field.sendKeys(Keys.ENTER);

    assertThat(textOf(".message.mine .text"))
        .isEqualTo("Hello <script>window.pwned = true</script> bot");
    assertThat(textOf(".message.mine .text strong")).isEqualTo("bot");
    assertThat(textOf(".typing")).isEqualTo("Echo Bot is typing\u2026");
    assertThat(textOf(".message.from-bot .text"))
        .isEqualTo("You said: Hello <script>window.pwned = true</script> bot");
    assertThat(textOf(".message.from-bot .attach")).isEqualTo("Answered by the echo handler");
    live.until(d -> d.findElements(By.cssSelector(".typing")).isEmpty());
    String docs = live.until(d -> d.findElement(By.linkText("Docs")).getAttribute("href"));
    assertThat(docs).isEqualTo("https://example.com/docs");
    assertThat(textOf(".message.mine .delivery.delivered"))
        .isEqualTo("ONIMBOTMESSAGEADD to chat-app: delivered");
    assertThat(script("return window.samePage")).as("no reload").isEqualTo(true);
    assertThat(script("return window.pwned")).as("the message's script never ran").isNull();
    assertThat(handlerFailures).isEmpty();
    screenshot("chat");

    // A keyboard button presses its command (im.message.command): the bot hears ONIMCOMMANDADD
    // from the keyboard and answers; nothing is posted in the person's name.
    click(By.xpath("//li[contains(@class,'from-bot')]//button[text()='Again']"));
    live.until(d -> d.findElements(By.cssSelector(".message.from-bot")).size() == 2);
    String again =
        live.until(d -> d.findElements(By.cssSelector(".message.from-bot .text")).get(1).getText());
    assertThat(again).isEqualTo("You pressed: again (KEYBOARD)");
    assertThat(browser.findElements(By.cssSelector(".message.mine"))).hasSize(1);
    assertThat(script("return window.samePage")).isEqualTo(true);

    // Edit one's own message, then delete it.
    String beforeEdit = textOf(".message.mine .text");
    click(By.cssSelector(".message.mine .edit"));
    WebElement edit = browser.findElement(By.id("text"));
    assertThat(edit.getAttribute("value")).startsWith("Hello <script>");
    edit.clear();
    edit.sendKeys("Hello, [i]edited[/i]");
    browser.findElement(By.xpath("//button[text()='Save']")).click();
    // The page re-renders the message once the update is answered: wait for it to change.
    live.until(
        d -> {
          WebElement mine = first(d, ".message.mine .text");
          return mine != null && !mine.getText().equals(beforeEdit);
        });
    assertThat(textOf(".message.mine .text")).isEqualTo("Hello, edited");
    assertThat(textOf(".message.mine .meta")).endsWith("(edited)");
    click(By.cssSelector(".message.mine button.delete"));
    browser.switchTo().alert().accept();
    assertThat(textOf(".message.deleted .text")).endsWith("was deleted");
    assertThat(browser.findElements(By.cssSelector(".message.deleted .edit"))).isEmpty();

    // A group chat with the bot: an @-mention makes it hear the message.
    browser.findElement(By.cssSelector("details.new-chat summary")).click();
    browser.findElement(By.id("chat-title")).sendKeys("Team");
    browser.findElement(By.cssSelector("input[name=members][value='" + bot + "']")).click();
    browser.findElement(By.xpath("//button[text()='Create chat']")).click();
    awaitPage("dialog=chat");
    assertThat(browser.getCurrentUrl()).contains("dialog=chat");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Team");
    WebElement groupField = browser.findElement(By.id("text"));
    groupField.sendKeys("@Ech");
    live.until(d -> d.findElement(By.id("mentions")).isDisplayed());
    groupField.sendKeys(Keys.ENTER);
    assertThat(groupField.getAttribute("value")).isEqualTo("[USER=" + bot + "]Echo Bot[/USER] ");
    groupField.sendKeys("ping");
    groupField.sendKeys(Keys.ENTER);
    assertThat(textOf(".message.from-bot .text")).isEqualTo("You said: ping");
    assertThat(textOf(".message.mine .mention")).isEqualTo("Echo Bot");
    screenshot("chat-group");
    browser.manage().window().setSize(new Dimension(390, 844));
    screenshot("chat-phone");
    assertThat(handlerFailures).isEmpty();
  }

  /**
   * First paint with 1,000 bots: the Bots page and the Chat page (a dialog with 50 messages open)
   * are loaded five times each and the median first contentful paint, and the server's part of it,
   * printed (a measurement, not a timed assertion: the figure depends on the machine's load).
   */
  @Test
  void givenAThousandBots_loadingEachPage_printsItsFirstPaint() throws Exception {
    ApplicationKey app = ApplicationKey.fromClientId("many");
    RegisterBotUseCase register = service.bean(RegisterBotUseCase.class);
    long firstBot = 0;
    for (int i = 0; i < 1_000; i++) {
      long id =
          register
              .register(
                  new RegisterBotCommand(
                      ApplicationKey.fromClientId("many" + (i / 5)),
                      "bot" + i,
                      "B",
                      null,
                      "https://bot.example.com/h",
                      Map.of(),
                      Map.of("NAME", "Bot " + i, "COLOR", "AQUA")))
              .botId()
              .value();
      firstBot = firstBot == 0 ? id : firstBot;
    }
    assertThat(app.value()).isEqualTo("custommany");
    PostMessageUseCase post = service.bean(PostMessageUseCase.class);
    for (int i = 0; i < 50; i++) {
      post.post(
          new PostMessageCommand(
              ChatActor.person(UserId.of(1)),
              new DialogId.WithUser(UserId.of(firstBot)),
              "Message [b]" + i + "[/b]",
              null,
              null,
              null,
              false,
              true));
    }
    Matcher link = SIGN_IN_LINK.matcher(service.startOutput());
    assertThat(link.find()).isTrue();
    browser.get(link.group(1));
    String base = service.baseUrl();

    String bots = firstPaint(base + "/console/bots");
    assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(24);
    String chat = firstPaint(base + "/console/chat?as=1&dialog=" + firstBot);
    assertThat(browser.findElements(By.cssSelector(".message"))).hasSize(50);
    System.out.println("[console first paint, 1,000 bots] Bots page: " + bots);
    System.out.println("[console first paint, 1,000 bots] Chat page, 50 messages: " + chat);
  }

  /** The median first contentful paint of five loads, and the server's time to the response. */
  private String firstPaint(String url) {
    List<Double> paints = new java.util.ArrayList<>();
    List<Double> server = new java.util.ArrayList<>();
    browser.get(url); // warm-up
    for (int i = 0; i < 5; i++) {
      browser.get(url);
      // Paint entries may come a frame after the load: wait for them (5 s at most).
      @SuppressWarnings("unchecked")
      List<Number> timing =
          (List<Number>)
              ((JavascriptExecutor) browser)
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + " const n = performance.getEntriesByType('navigation')[0];"
                          + " const server = n.responseEnd - n.requestStart;"
                          + " new PerformanceObserver((list) => {"
                          + "   const p = list.getEntriesByName('first-contentful-paint')[0];"
                          + "   if (p) done([p.startTime, server]);"
                          + " }).observe({ type: 'paint', buffered: true });"
                          + " setTimeout(() => done([-1, server]), 5000);");
      paints.add(timing.get(0).doubleValue());
      server.add(timing.get(1).doubleValue());
    }
    paints.sort(null);
    server.sort(null);
    assertThat(paints.get(0)).as("the page painted").isPositive();
    return String.format(
        java.util.Locale.ROOT,
        "first contentful paint %.0f ms (median of 5, %.0f-%.0f), request to response %.0f ms",
        paints.get(2),
        paints.get(0),
        paints.get(4),
        server.get(2));
  }

  /** The text of the first element matching {@code css}, once there is one. */
  /** Waits for the page a form's redirect loads: its address contains {@code fragment}. */
  private void awaitPage(String fragment) {
    live.until(d -> d.getCurrentUrl().contains(fragment));
  }

  private String textOf(String css) {
    return live.until(
        d -> {
          WebElement found = first(d, css);
          return found == null ? null : found.getText();
        });
  }

  private void click(By target) {
    live.until(
        d -> {
          d.findElement(target).click();
          return true;
        });
  }

  private Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  /** The first element matching {@code css}, or null (what a wait polls for). */
  private static WebElement first(WebDriver driver, String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * A bot's handler as a developer writes one: an {@code ONIMCOMMANDADD} is answered with the
   * command and its context; every {@code ONIMBOTMESSAGEADD} is answered, after {@code
   * imbot.chat.sendTyping} and a pause, with {@code imbot.message.add} (text, an {@code ATTACH} and
   * a {@code KEYBOARD}) to the dialog it came from, with the access token the event carries ({@code
   * auth[access_token]}), else the application's own. Answers its URL.
   */
  private String startEchoHandler(String base, String staticToken) throws IOException {
    botHandler = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    botHandler.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    botHandler.createContext(
        "/handler",
        exchange -> {
          Map<String, String> event =
              formFields(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
          String dialog = event.get("data[PARAMS][DIALOG_ID]");
          Map<String, String> answer = new java.util.LinkedHashMap<>();
          answer.put("DIALOG_ID", dialog);
          if ("ONIMCOMMANDADD".equals(event.get("event"))) {
            answer.put(
                "MESSAGE",
                "You pressed: "
                    + commandField(event, "COMMAND")
                    + " ("
                    + commandField(event, "COMMAND_CONTEXT")
                    + ")");
            try {
              rest(
                  base,
                  "imbot.message.add",
                  event.getOrDefault("auth[access_token]", staticToken),
                  answer);
            } catch (Exception | AssertionError failed) {
              handlerFailures.add(String.valueOf(failed));
            }
            return;
          }
          if (!"ONIMBOTMESSAGEADD".equals(event.get("event"))) {
            return;
          }
          answer.put("MESSAGE", "You said: [b]" + event.get("data[PARAMS][MESSAGE]") + "[/b]");
          answer.put("ATTACH[0][MESSAGE]", "Answered by the [i]echo[/i] handler");
          answer.put("KEYBOARD[0][TEXT]", "Again");
          answer.put("KEYBOARD[0][COMMAND]", "again");
          answer.put("KEYBOARD[1][TEXT]", "Docs");
          answer.put("KEYBOARD[1][LINK]", "https://example.com/docs");
          // An application with a static token gets no auth[access_token] in its events (yet):
          // its handler calls back with the token it was given, as a webhook-keyed bot would.
          String token = event.getOrDefault("auth[access_token]", staticToken);
          try {
            // A slow bot says it is typing first.
            rest(base, "imbot.chat.sendTyping", token, Map.of("DIALOG_ID", dialog));
            Thread.sleep(TYPING.toMillis());
            rest(base, "imbot.message.add", token, answer);
          } catch (Exception | AssertionError failed) {
            handlerFailures.add(String.valueOf(failed));
          }
        });
    botHandler.start();
    return "http://127.0.0.1:" + botHandler.getAddress().getPort() + "/handler";
  }

  /** {@code data[COMMAND][<id>][<field>]} of an {@code ONIMCOMMANDADD} with one command. */
  private static String commandField(Map<String, String> event, String field) {
    return event.entrySet().stream()
        .filter(
            e -> e.getKey().startsWith("data[COMMAND][") && e.getKey().endsWith("][" + field + "]"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("?");
  }

  private static Map<String, String> formFields(String body) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
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
      assertThat(waitFor(By.cssSelector(".flash.ok")).getText())
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
      assertThat(waitFor(By.cssSelector(".flash.ok")).getText())
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
    registerThroughRest(
        base,
        accessToken,
        Map.of(
            "CODE", "consolebot",
            "TYPE", "H",
            "EVENT_HANDLER", "https://bot.example.com/console-handler",
            "PROPERTIES[NAME]", "Console",
            "PROPERTIES[LAST_NAME]", "Bot",
            "PROPERTIES[COLOR]", "PURPLE"));
  }

  /** Registers a bot with an application's access token; answers its id. */
  private static long registerThroughRest(String base, String accessToken, Map<String, String> form)
      throws Exception {
    String answer = rest(base, "imbot.register", accessToken, form);
    Matcher id = Pattern.compile("^\\{\"result\":([0-9]+),").matcher(answer);
    assertThat(id.find()).as(answer).isTrue();
    return Long.parseLong(id.group(1));
  }

  /** A REST call with an access token, form-encoded as CRest sends it; answers the body. */
  private static String rest(
      String base, String method, String accessToken, Map<String, String> form) throws Exception {
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
                        URI.create(base + "/rest/" + method + "?auth=" + accessToken))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"result\":");
    return answer.body();
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

  /** The element once the page that a click or submit loads shows it (at most ten seconds). */
  private WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(locator).isEmpty() ? null : d.findElement(locator));
  }
}
