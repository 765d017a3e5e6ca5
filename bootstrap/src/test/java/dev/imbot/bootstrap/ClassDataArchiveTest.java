package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.bootstrap.ClassDataArchive.Launch;
import dev.imbot.bootstrap.ClassDataArchive.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which restart a start plans for its class-data archive, on each kind of JDK. */
class ClassDataArchiveTest {
  private static final long PID = 4242;
  private static final LongPredicate NONE_ALIVE = pid -> false;

  @TempDir Path temp;
  private Path dir;
  private Path jar;

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(temp.resolve("cache"));
    jar = Files.writeString(temp.resolve("imbot-registry.jar"), "jar");
  }

  private Launch launch(int feature, List<String> arguments) {
    return launch(feature, arguments, Map.of(), "", 1_000L);
  }

  private Launch launch(
      int feature,
      List<String> arguments,
      Map<String, String> environment,
      String setting,
      long jarModified) {
    return new Launch(
        feature, "/jdk", "17.0.15+6", arguments, environment, setting, jar, 3, jarModified, PID);
  }

  private List<String> plainJar(String... applicationArguments) {
    return Stream.concat(Stream.of("-jar", jar.toString()), Stream.of(applicationArguments))
        .toList();
  }

  private Plan plan(Launch launch) {
    return ClassDataArchive.plan(launch, dir, NONE_ALIVE).orElseThrow();
  }

  @Test
  void givenJdk17WithoutAnArchive_plan_makesOneAtExitUnderItsOwnProcessId() {
    Plan plan = plan(launch(17, plainJar("--flag")));

    assertThat(plan.making()).isTrue();
    assertThat(plan.archive().getFileName().toString())
        .matches("imbot-registry-[0-9a-f]{8}-[0-9a-f]{8}\\.4242\\.jsa");
    assertThat(plan.archive().getParent()).isEqualTo(dir);
    assertThat(plan.arguments())
        .containsExactly(
            "-XX:ArchiveClassesAtExit=" + plan.archive(),
            "-Xlog:cds=error",
            "-Dimbot.class-data.archive=" + plan.archive(),
            "-Dimbot.class-data.making=true",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--flag");
  }

  /** What a start that made the archive leaves when it stops: the file, and its ready mark. */
  private Path madeAndStopped(int feature, long pid) throws IOException {
    Path made = plan(launch(feature, plainJar())).archive();
    Path written =
        made.resolveSibling(made.getFileName().toString().replace(".4242.", "." + pid + "."));
    Files.writeString(written, "archive");
    Files.writeString(ClassDataArchive.readyMark(written), "");
    return written;
  }

  private Path adopted(Path written) {
    return written.resolveSibling(written.getFileName().toString().replaceAll("\\.[0-9]+\\.", "."));
  }

  @Test
  void givenAnArchiveAStoppedStartWroteAndMarkedReady_plan_takesItAsThisJarsAndMapsIt()
      throws IOException {
    Path written = madeAndStopped(17, 77);

    Plan plan = plan(launch(17, plainJar()));

    assertThat(plan.making()).isFalse();
    assertThat(plan.archive()).isEqualTo(adopted(written)).hasContent("archive");
    assertThat(plan.options())
        .containsExactly(
            "-XX:SharedArchiveFile=" + plan.archive(),
            "-Dimbot.class-data.archive=" + plan.archive());
    assertThat(written).doesNotExist();
    assertThat(ClassDataArchive.readyMark(written)).doesNotExist();

    assertThat(plan(launch(17, plainJar())).archive())
        .as("and so do the starts after it")
        .isEqualTo(plan.archive());
  }

  @Test
  void givenAnArchiveOfAStartStoppedBeforeItWasReady_plan_deletesItAndMakesAnother()
      throws IOException {
    // Its archive holds only the classes of a part of a start.
    Path written = madeAndStopped(17, 77);
    Files.delete(ClassDataArchive.readyMark(written));

    Plan plan = plan(launch(17, plainJar()));

    assertThat(plan.making()).isTrue();
    assertThat(plan.archive().getFileName().toString()).endsWith(".4242.jsa");
    assertThat(written).doesNotExist();
  }

  @Test
  void givenAnArchiveWrittenUnderThisProcesssId_plan_takesItSinceAnEarlierProcessWroteIt()
      throws IOException {
    // In a container the service is often process 1 at every start.
    Path written = madeAndStopped(17, PID);

    Plan plan = ClassDataArchive.plan(launch(17, plainJar()), dir, pid -> pid == PID).orElseThrow();

    assertThat(plan.making()).isFalse();
    assertThat(plan.archive()).isEqualTo(adopted(written)).hasContent("archive");
  }

  @Test
  void givenAnArchiveAStartStillRunningWrites_plan_leavesItAndMakesItsOwn() throws IOException {
    Path running = madeAndStopped(17, 77);

    Plan plan = ClassDataArchive.plan(launch(17, plainJar()), dir, pid -> pid == 77).orElseThrow();

    assertThat(plan.making()).isTrue();
    assertThat(plan.archive().getFileName().toString()).endsWith(".4242.jsa");
    assertThat(running).hasContent("archive");
  }

  @Test
  void givenJdk19To24_plan_makesAndMapsTheSameDynamicArchiveAsJdk17() throws IOException {
    Plan first = plan(launch(21, plainJar()));
    assertThat(first.options()).first().isEqualTo("-XX:ArchiveClassesAtExit=" + first.archive());

    Path written = madeAndStopped(21, 77);
    Plan later = plan(launch(21, plainJar()));
    assertThat(later.making()).isFalse();
    assertThat(later.options()).first().isEqualTo("-XX:SharedArchiveFile=" + adopted(written));
  }

  @Test
  void givenJdk25_plan_writesTheAotCacheOnceThenUsesIt() throws IOException {
    Plan first = plan(launch(25, plainJar()));
    assertThat(first.making()).isTrue();
    assertThat(first.archive().getFileName().toString()).endsWith(".4242.aot");
    assertThat(first.options()).first().isEqualTo("-XX:AOTCacheOutput=" + first.archive());
    assertThat(first.options())
        .as("quiet about the classes it leaves out")
        .contains("-Xlog:aot=error");

    Path written = madeAndStopped(25, 77);
    Plan later = plan(launch(25, plainJar()));
    assertThat(later.making()).isFalse();
    assertThat(later.options()).first().isEqualTo("-XX:AOTCache=" + adopted(written));
    assertThat(later.options())
        .as("a cache it cannot map is reported")
        .doesNotContain("-Xlog:aot=error");
  }

  @Test
  void givenTheOperatorsOwnOptions_plan_putsOursFirstSoTheirsWin() {
    Plan plan =
        plan(
            launch(
                21,
                List.of(
                    "-Xmx96m",
                    "--add-opens",
                    "java.base/java.lang=ALL-UNNAMED",
                    "-jar",
                    jar.toString(),
                    "a")));

    assertThat(plan.arguments().subList(plan.options().size(), plan.arguments().size()))
        .containsExactly(
            "-Xmx96m",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "-jar",
            jar.toAbsolutePath().toString(),
            "a");
  }

  @Test
  void givenOtherOptionsOrAnotherJdk_plan_keepsASeparateArchive() {
    Path plain = plan(launch(21, plainJar())).archive();
    Path capped = plan(launch(21, List.of("-Xmx96m", "-jar", jar.toString()))).archive();
    Path otherJdk =
        ClassDataArchive.plan(
                new Launch(
                    21, "/other-jdk", "21.0.5", plainJar(), Map.of(), "", jar, 3, 1_000L, PID),
                dir,
                NONE_ALIVE)
            .orElseThrow()
            .archive();

    assertThat(List.of(plain, capped, otherJdk)).doesNotHaveDuplicates();
  }

  @Test
  void givenARebuiltJar_plan_namesANewArchiveAndDeletesTheOldBuildsOnly() throws IOException {
    Path old = Files.writeString(plan(launch(21, plainJar())).archive(), "old build");
    Path otherOptions =
        Files.writeString(
            plan(launch(21, List.of("-Xmx96m", "-jar", jar.toString()))).archive(), "kept");

    Plan rebuilt = plan(launch(21, plainJar(), Map.of(), "", 2_000L));

    assertThat(rebuilt.archive()).isNotEqualTo(old);
    assertThat(rebuilt.making()).isTrue();
    assertThat(old).doesNotExist();
    assertThat(otherOptions).exists();
  }

  @Test
  void givenTheOperatorChoseTheClassDataAlready_plan_restartsNothing() {
    for (List<String> arguments :
        List.of(
            List.of("-XX:SharedArchiveFile=/x.jsa", "-jar", jar.toString()),
            List.of("-XX:ArchiveClassesAtExit=/x.jsa", "-jar", jar.toString()),
            List.of("-Xshare:off", "-jar", jar.toString()),
            List.of("-XX:AOTCache=/x.aot", "-jar", jar.toString()))) {
      assertThat(ClassDataArchive.plan(launch(25, arguments), dir, NONE_ALIVE))
          .as(arguments.toString())
          .isEmpty();
    }
    for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      Launch launch =
          launch(
              21,
              plainJar(),
              Map.of(variable, "-Xmx96m -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=x"),
              "",
              1_000L);
      assertThat(ClassDataArchive.plan(launch, dir, NONE_ALIVE)).as(variable).isEmpty();
    }
  }

  @Test
  void givenAnAgentOrAFlightRecording_plan_restartsNothingSinceTheFirstJvmWouldStartThemToo() {
    for (String option :
        List.of(
            "-javaagent:/opt/otel/opentelemetry-javaagent.jar",
            "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n",
            "-agentpath:/opt/profiler/libasyncProfiler.so=start",
            "-XX:StartFlightRecording=filename=start.jfr")) {
      assertThat(
              ClassDataArchive.plan(
                  launch(17, List.of(option, "-jar", jar.toString())), dir, NONE_ALIVE))
          .as(option)
          .isEmpty();
      Launch fromEnvironment =
          launch(17, plainJar(), Map.of("JAVA_TOOL_OPTIONS", option), "", 1_000L);
      assertThat(ClassDataArchive.plan(fromEnvironment, dir, NONE_ALIVE)).as(option).isEmpty();
    }
  }

  @Test
  void givenTheSettingOff_plan_restartsNothing() {
    assertThat(
            ClassDataArchive.plan(launch(17, plainJar(), Map.of(), "off", 1_000L), dir, NONE_ALIVE))
        .isEmpty();
  }

  @Test
  void givenAStartThatIsNotAPlainJarOfThisJar_plan_restartsNothing() throws IOException {
    Path other = Files.writeString(temp.resolve("other.jar"), "other");
    for (List<String> arguments :
        List.of(
            List.of("-cp", jar.toString(), "dev.imbot.bootstrap.Application"),
            List.of("@options.txt", "-jar", jar.toString()),
            List.of("-jar", other.toString()),
            List.of("-jar"))) {
      assertThat(ClassDataArchive.plan(launch(17, arguments), dir, NONE_ALIVE))
          .as(arguments.toString())
          .isEmpty();
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void givenAJarNamedRelatively_plan_restartsWithItsAbsolutePath() {
    Path relative = Path.of("").toAbsolutePath().relativize(jar);

    Optional<Plan> plan =
        ClassDataArchive.plan(launch(17, List.of("-jar", relative.toString())), dir, NONE_ALIVE);

    assertThat(plan).isPresent();
    assertThat(plan.get().arguments()).endsWith("-jar", jar.toAbsolutePath().toString());
  }
}
