package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the artefact itself: {@code bootstrap/target/imbot-registry.jar}, run after
 * {@code package} (failsafe), as a process configured only by environment variables. A shaded jar
 * can lose what the tests' class path has (Flyway's PostgreSQL support once went missing that way,
 * stack-notes trap 1), so it is run on H2 and on PostgreSQL.
 */
class FatJarIT {
  private static final String ADMIN_TOKEN = "fat-jar-admin-token";

  @TempDir Path temp;

  @Test
  void givenEmbeddedDefault_runTwiceOnOneDataDirectory_keepsTheBotAndPrintsTheWebhookOnce()
      throws Exception {
    Path data = temp.resolve("data");

    String log = runTwice(Map.of("IMBOT_DATA_DIR", data.toString()));

    assertThat(data.resolve("imbot.mv.db")).as("IMBOT_DATA_DIR places the database").exists();
    assertThat(log).contains("(H2 ");
  }

  @Test
  void givenPlainJavaJar_startTwice_theFirstMakesTheClassDataArchiveAndTheSecondMapsItInOneProcess()
      throws Exception {
    Path cache = temp.resolve("class-data");
    Path data = temp.resolve("archive-data");
    Path classes = temp.resolve("classes.log");
    Map<String, String> environment =
        Map.of(
            "IMBOT_DATA_DIR",
            data.toString(),
            "IMBOT_HTTPS_ENABLED",
            "false",
            "IMBOT_CLASS_DATA_DIR",
            cache.toString(),
            // Where each class came from, logged by the JVM the start ends up in (the file is
            // opened anew by the restarted JVM).
            "JDK_JAVA_OPTIONS",
            "-Xlog:class+load=info:file=" + classes + "::filecount=0");

    String firstOutput;
    try (ServiceProcess first =
        ServiceProcess.start(temp.resolve("work-archive"), environment, "archive-1")) {
      assertThat(commandLine(first.pid()))
          .as("the process the test started now runs with the archive's options")
          .contains("-Dimbot.class-data.making=true")
          .contains("-Dimbot.class-data.archive=" + cache);
      // Once up, it writes the archive in a JVM of its own and takes it as the jar's: no need to
      // stop first.
      await("the jar's archive")
          .atMost(Duration.ofSeconds(120))
          .until(() -> first.output().contains("Class data: wrote "));
      assertThat(first.stop()).isIn(0, 143);
      firstOutput = first.output();
    }
    assertThat(firstOutput)
        .contains("Class data: this start makes " + cache)
        .contains("Class data: wrote " + cache);
    assertThat(archives(cache))
        .as("the archive, and nothing else left in the folder")
        .singleElement()
        .satisfies(archive -> assertThat(Files.size(archive)).isGreaterThan(1_000_000));
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(file -> file.getFileName().toString()).toList())
          .as(
              "beside the archive, JNA's native part (unpacked once, decision 170) and the new"
                  + " database's schema (decision 172)")
          .hasSize(3)
          .anyMatch(name -> name.startsWith("jna-"))
          .anyMatch(name -> name.startsWith("h2-schema-") && name.endsWith(".zip"));
    }

    try (ServiceProcess second =
        ServiceProcess.start(temp.resolve("work-archive"), environment, "archive-2")) {
      assertThat(commandLine(second.pid()))
          .contains("-Dimbot.class-data.archive=" + cache)
          .contains(String.join(" ", ClassDataArchive.START_COMPILATION))
          .doesNotContain("making");
      assertThat(Files.readString(classes))
          .as("the service's classes come from the archive, the first and the last of a start")
          .containsPattern("dev\\.imbot\\.bootstrap\\.Application source: shared objects file")
          .containsPattern("io\\.netty\\.bootstrap\\.ServerBootstrap source: shared objects file");
      assertThat(second.stop()).isIn(0, 143);
      assertThat(second.output()).contains("Class data: mapped from " + cache);
      assertThat(firstOutput + second.output())
          .as("both stops are clean: the delivery worker gives its claims back to an open database")
          .doesNotContain("Exception")
          .as("writing the archive lists no classes it left out")
          .doesNotContain("[warning]");
    }

    // A new database elsewhere starts as a copy of the first one's new schema (decision 172).
    Map<String, String> elsewhere = new java.util.HashMap<>(environment);
    elsewhere.put("IMBOT_DATA_DIR", temp.resolve("archive-data-2").toString());
    try (ServiceProcess fresh =
        ServiceProcess.start(temp.resolve("work-archive"), elsewhere, "archive-fresh")) {
      assertThat(fresh.get("/health").status()).isEqualTo(200);
      assertThat(fresh.stop()).isIn(0, 143);
      assertThat(fresh.output())
          .contains("made from the schema template " + cache.resolve("h2-schema-"))
          .contains("Schema is up to date with the packaged migrations")
          .doesNotContain("Exception");
    }

    // An archive the JVM cannot map (damaged on disk) costs one start its class data, not more.
    Path archive = archives(cache).get(0);
    Files.write(archive, new byte[4096]);
    try (ServiceProcess third =
        ServiceProcess.start(temp.resolve("work-archive"), environment, "archive-3")) {
      assertThat(third.get("/health").status()).isEqualTo(200);
      assertThat(third.stop()).isIn(0, 143);
      assertThat(third.output())
          .contains("Class data: the JVM did not map " + archive + "; deleted");
    }
    assertThat(archive).doesNotExist();
  }

  @Test
  void givenClassDataOff_start_runsWithoutRestartingOrWritingAnArchive() throws Exception {
    Path cache = temp.resolve("class-data-off");
    try (ServiceProcess service =
        ServiceProcess.start(
            temp.resolve("work-off"),
            Map.of(
                "IMBOT_DATA_DIR",
                temp.resolve("off-data").toString(),
                "IMBOT_HTTPS_ENABLED",
                "false",
                "IMBOT_CLASS_DATA_DIR",
                cache.toString(),
                "IMBOT_CLASS_DATA",
                "off"),
            "archive-off")) {
      assertThat(commandLine(service.pid())).doesNotContain("imbot.class-data");
      service.stop();
    }
    assertThat(cache).doesNotExist();
  }

  /** The jar's archives in the folder: named without a maker's process id. */
  private static java.util.List<Path> archives(Path cache) throws Exception {
    try (Stream<Path> files = Files.list(cache)) {
      return files
          .filter(
              file ->
                  file.getFileName()
                      .toString()
                      .matches("imbot-registry-[0-9a-f]{8}-[0-9a-f]{8}\\.(jsa|aot)"))
          .toList();
    }
  }

  /** The command line a process runs now (Linux). */
  private static String commandLine(long pid) throws Exception {
    return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
  }

  @Test
  void givenHttpsDisabledOnAFixedPort_start_servesHttpThere() throws Exception {
    // dual-protocol without https once bound the http port twice and the jar died at start; tests
    // on port 0 never saw it, since two binds of port 0 both succeed.
    Path data = temp.resolve("plain-http");
    try (ServiceProcess service =
        ServiceProcess.start(
            temp.resolve("work-plain"),
            Map.of("IMBOT_DATA_DIR", data.toString(), "IMBOT_HTTPS_ENABLED", "false"),
            "plain-http")) {
      assertThat(service.get("/health").status()).isEqualTo(200);
      assertThat(service.output()).doesNotContain("HTTPS:");
      assertThat(data.resolve("https")).doesNotExist();
    }
  }

  @Test
  void givenPostgres_runTwiceOnOneDatabase_keepsTheBotAndPrintsTheWebhookOnce() throws Exception {
    try (ServiceDatabase database = ServiceDatabase.freshPostgres()) {
      String log = runTwice(database.environment());

      assertThat(log).contains("(PostgreSQL ");
      assertThat(temp.resolve("work/data/imbot.mv.db"))
          .as("no H2 database beside it")
          .doesNotExist();
      // The data folder still keeps the https certificate.
      assertThat(temp.resolve("work/data/https/certificate.pem")).exists();
      assertThat(log).containsPattern("HTTPS: https://127\\.0\\.0\\.1:\\d+/ with the self-signed");
    }
  }

  /**
   * Starts the jar on a fresh database, registers the seed's example through the printed webhook,
   * stops it with SIGTERM, starts it again on the same database and finds the bot. The first run
   * also sets the bot limit and the admin token by environment variable. Returns the first run's
   * output.
   */
  private String runTwice(Map<String, String> database) throws Exception {
    Path work = temp.resolve("work");
    Map<String, String> firstEnvironment = new HashMap<>(database);
    firstEnvironment.put("IMBOT_REGISTRATION_MAX_BOTS_PER_APPLICATION", "1");
    firstEnvironment.put("IMBOT_ADMIN_TOKEN", ADMIN_TOKEN);
    FirstStartLine webhook;
    long botId;
    String firstLog;
    try (ServiceProcess first = ServiceProcess.start(work, firstEnvironment, "first")) {
      webhook = first.firstStartLine().orElseThrow(() -> new AssertionError(first.output()));
      assertThat(FirstStartLine.all(first.output())).hasSize(1);
      assertThat(webhook.port()).as("PORT sets the port").isEqualTo(first.port());

      Answer registered =
          first.postForm(
              webhook.url() + "imbot.register.json", CrestForm.seedExample("myapp").encoded());
      assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
      botId = registered.botId();
      assertThat(botId).isEqualTo(2);
      assertListed(first.get(webhook.path() + "imbot.bot.list"), botId);

      Answer overLimit =
          first.postForm(
              webhook.url() + "imbot.register", CrestForm.minimal("myapp", "second").encoded());
      assertThat(overLimit.status()).as(overLimit.toString()).isEqualTo(400);
      assertThat(overLimit.error()).isEqualTo("MAX_COUNT_ERROR");
      assertThat(overLimit.errorDescription()).endsWith("(max: 1)");
      assertThat(first.getWithBearer("/admin/v1/users", ADMIN_TOKEN).status()).isEqualTo(200);

      int exit = first.stop();
      assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
      firstLog = first.output();
      assertThat(firstLog).doesNotContain("Timeout hit in graceful shutdown");
    }

    try (ServiceProcess second = ServiceProcess.start(work, database, "second")) {
      assertThat(second.firstStartLine()).as(second.output()).isEmpty();
      assertListed(second.get(webhook.path() + "imbot.bot.list"), botId);
      // The default limit is back (5): the bot refused before registers now, with a new id.
      Answer another =
          second.postForm(
              second.baseUrl() + webhook.path() + "imbot.register",
              CrestForm.minimal("myapp", "second").encoded());
      assertThat(another.status()).as(another.toString()).isEqualTo(200);
      assertThat(another.botId()).isGreaterThan(botId);
      assertThat(second.stop()).isIn(0, 143);
    }
    return firstLog;
  }

  private static void assertListed(Answer list, long botId) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.result())
        .isEqualTo(
            Map.of(
                Long.toString(botId),
                Map.of("ID", (int) botId, "NAME", "NewBot", "CODE", "newbot", "OPENLINE", "Y")));
  }
}
