package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.bootstrap.ClassDataArchive.Launch;
import dev.imbot.bootstrap.ClassDataArchive.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which restart a start plans for its class-data archive, and what it makes of earlier files. */
class ClassDataArchiveTest {
  private static final long PID = 4242;
  private static final long NONCE = 0xabcL;
  private static final LongPredicate NONE_ALIVE = pid -> false;
  private static final Predicate<Path> ALL_MAPPABLE = archive -> true;

  @TempDir Path temp;
  private Path dir;
  private Path jar;
  private final List<Path> checked = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(temp.resolve("cache"));
    jar = Files.writeString(temp.resolve("imbot-registry.jar"), "jar");
  }

  private Launch launch(int feature, List<String> arguments) {
    return launch(feature, arguments, Map.of(), "", 1_000L, true);
  }

  private Launch launch(
      int feature,
      List<String> arguments,
      Map<String, String> environment,
      String setting,
      long jarModified,
      boolean room) {
    return launch(feature, "/jdk", arguments, environment, setting, jarModified, () -> room);
  }

  private Launch launch(
      int feature,
      String javaHome,
      List<String> arguments,
      Map<String, String> environment,
      String setting,
      long jarModified,
      BooleanSupplier room) {
    return new Launch(
        feature,
        javaHome,
        feature + ".0.5",
        arguments,
        environment,
        setting,
        jar,
        3,
        jarModified,
        PID,
        NONCE,
        room);
  }

  private List<String> plainJar(String... applicationArguments) {
    return Stream.concat(Stream.of("-jar", jar.toString()), Stream.of(applicationArguments))
        .toList();
  }

  private Optional<Plan> plan(Launch launch, LongPredicate alive, Predicate<Path> mappable) {
    return ClassDataArchive.plan(
        launch,
        dir,
        alive,
        archive -> {
          checked.add(archive);
          return mappable.test(archive);
        });
  }

  private Plan plan(Launch launch) {
    return plan(launch, NONE_ALIVE, ALL_MAPPABLE).orElseThrow();
  }

  /** What a start that made an archive leaves when it stopped: the file, and its ready mark. */
  private Path madeAndStopped(int feature, long pid, long nonce) throws IOException {
    // The name a making start would give it, planned in an empty folder (planning here would
    // already tidy this folder).
    Path empty = Files.createTempDirectory(temp, "names");
    Path made =
        dir.resolve(
            ClassDataArchive.plan(launch(feature, plainJar()), empty, NONE_ALIVE, ALL_MAPPABLE)
                .orElseThrow()
                .archive()
                .getFileName());
    Path written =
        made.resolveSibling(
            made.getFileName()
                .toString()
                .replace("." + PID + ".abc.", "." + pid + "." + Long.toHexString(nonce) + "."));
    Files.writeString(written, "archive");
    Files.writeString(ClassDataArchive.readyMark(written), "");
    return written;
  }

  private static Path taken(Path written) {
    return ClassDataArchive.taken(written);
  }

  @Test
  void givenJdk17WithoutAnArchive_plan_makesOneAtExitUnderItsOwnProcessIdAndNumber() {
    Plan plan = plan(launch(17, plainJar("--flag")));

    assertThat(plan.making()).isTrue();
    assertThat(plan.archive().getFileName().toString())
        .matches("imbot-registry-[0-9a-f]{8}-[0-9a-f]{8}\\.4242\\.abc\\.jsa");
    assertThat(plan.archive().getParent()).isEqualTo(dir);
    Path list = dir.resolve(plan.archive().getFileName().toString().replace(".jsa", ".classlist"));
    assertThat(plan.arguments())
        .as("it lists its classes as they load; a JVM of its own writes the archive from the list")
        .containsExactly(
            "-XX:DumpLoadedClassList=" + list,
            "-Dimbot.class-data.list=" + list,
            "-Dimbot.class-data.archive=" + plan.archive(),
            "-Dimbot.class-data.making=true",
            "-XX:Tier3InvocationThreshold=1000",
            "-XX:Tier3MinInvocationThreshold=500",
            "-XX:Tier3CompileThreshold=10000",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--flag");
  }

  @Test
  void givenAnArchiveAStoppedStartWroteAndMarkedReady_plan_takesItAsThisJarsAndMapsIt()
      throws IOException {
    Path written = madeAndStopped(17, 77, 1);

    Plan plan = plan(launch(17, plainJar()));

    assertThat(plan.making()).isFalse();
    assertThat(plan.archive()).isEqualTo(taken(written)).hasContent("archive");
    assertThat(plan.options())
        .startsWith(
            "-XX:SharedArchiveFile=" + plan.archive(),
            "-Dimbot.class-data.archive=" + plan.archive())
        .endsWith(ClassDataArchive.START_COMPILATION.toArray(String[]::new))
        .hasSize(2 + ClassDataArchive.START_COMPILATION.size());
    assertThat(checked).as("the JVM was asked to map it first").containsExactly(written);
    assertThat(written).doesNotExist();
    assertThat(ClassDataArchive.readyMark(written)).doesNotExist();

    assertThat(plan(launch(17, plainJar())).archive())
        .as("and so do the starts after it, without checking it again")
        .isEqualTo(plan.archive());
    assertThat(checked).hasSize(1);
  }

  @Test
  void givenAnArchiveTheJvmDoesNotMap_plan_deletesItAndMakesAnother() throws IOException {
    // Cut short by a kill while the JVM wrote it at exit, after the ready mark.
    Path written = madeAndStopped(17, 77, 1);

    Plan plan = plan(launch(17, plainJar()), NONE_ALIVE, archive -> false).orElseThrow();

    assertThat(plan.making()).isTrue();
    assertThat(written).doesNotExist();
    assertThat(ClassDataArchive.readyMark(written)).doesNotExist();
    assertThat(taken(written)).doesNotExist();
  }

  @Test
  void givenAReadyMarkLeftByAnotherStartOfTheSameProcessId_plan_doesNotTakeALaterUnreadyArchive()
      throws IOException {
    // JDK 25, process 1 in a container: one start marked itself ready and was killed before the
    // JVM wrote its cache; the next, also process 1, was stopped before it was up and its JVM
    // wrote a cache of part of a start.
    Path marked = madeAndStopped(25, 1, 10);
    Files.delete(marked);
    Path partial = madeAndStopped(25, 1, 11);
    Files.delete(ClassDataArchive.readyMark(partial));

    Plan plan = plan(launch(25, plainJar()));

    assertThat(plan.making()).isTrue();
    assertThat(partial).doesNotExist();
    assertThat(ClassDataArchive.readyMark(marked)).doesNotExist();
  }

  @Test
  void givenAnArchiveWrittenUnderThisProcesssId_plan_takesItSinceAnEarlierProcessWroteIt()
      throws IOException {
    // In a container the service is often process 1 at every start.
    Path written = madeAndStopped(17, PID, 1);

    Plan plan = plan(launch(17, plainJar()), pid -> pid == PID, ALL_MAPPABLE).orElseThrow();

    assertThat(plan.making()).isFalse();
    assertThat(plan.archive()).isEqualTo(taken(written)).hasContent("archive");
  }

  @Test
  void givenAnArchiveAStartStillRunningWrites_plan_leavesItAndMakesItsOwn() throws IOException {
    Path running = madeAndStopped(17, 77, 1);

    Plan plan = plan(launch(17, plainJar()), pid -> pid == 77, ALL_MAPPABLE).orElseThrow();

    assertThat(plan.making()).isTrue();
    assertThat(plan.archive().getFileName().toString()).endsWith(".4242.abc.jsa");
    assertThat(running).hasContent("archive");
    assertThat(ClassDataArchive.readyMark(running)).exists();
  }

  @Test
  void givenTwoStartsThatMadeOneAtOnce_plan_takesOneAndDeletesWhatTheyLeft() throws IOException {
    Path first = madeAndStopped(17, 77, 1);
    Path second = madeAndStopped(17, 78, 2);
    // JDK 25's cache is assembled from a file of its own, left behind by a kill.
    Path temporary =
        dir.resolve(first.getFileName().toString().replace(".77.1.", ".79.3.") + ".config");
    Files.writeString(temporary, "config");

    Plan plan = plan(launch(17, plainJar()));

    assertThat(plan.making()).isFalse();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(plan.archive());
    }
    assertThat(List.of(first, second)).anyMatch(made -> taken(made).equals(plan.archive()));
  }

  @Test
  void givenJdk19To24_plan_makesAndMapsTheSameArchiveAsJdk17() throws IOException {
    Plan first = plan(launch(21, plainJar()));
    assertThat(first.options()).first().asString().startsWith("-XX:DumpLoadedClassList=");

    Files.writeString(taken(first.archive()), "archive");
    Plan later = plan(launch(21, plainJar()));
    assertThat(later.making()).isFalse();
    assertThat(later.options())
        .first()
        .isEqualTo("-XX:SharedArchiveFile=" + taken(first.archive()));
  }

  @Test
  void givenAnArchiveFinishedAfterItsMakerStopped_plan_takesItIfTheJvmMapsIt() throws IOException {
    // Before JDK 25 a JVM of its own writes the archive from a whole start's list; stopped before
    // that JVM was done, the maker never took it, and its file is whole if the JVM maps it.
    Path finished = madeAndStopped(17, 77, 1);
    Files.delete(ClassDataArchive.readyMark(finished));

    Plan plan = plan(launch(17, plainJar()));

    assertThat(plan.making()).isFalse();
    assertThat(plan.archive()).isEqualTo(taken(finished)).hasContent("archive");
    assertThat(checked).containsExactly(finished);
  }

  @Test
  void givenWhatAStoppedStartLeftUnfinished_plan_deletesIt() throws IOException {
    Path unfinished = madeAndStopped(17, 77, 1);
    Files.delete(ClassDataArchive.readyMark(unfinished));
    Path list =
        Files.writeString(
            unfinished.resolveSibling(
                unfinished.getFileName().toString().replace(".jsa", ".classlist")),
            "java/lang/Object");

    Plan plan = plan(launch(17, plainJar()), NONE_ALIVE, archive -> false).orElseThrow();

    assertThat(plan.making()).isTrue();
    assertThat(unfinished).doesNotExist();
    assertThat(list).doesNotExist();
  }

  @Test
  void givenAJdk25CacheOfAStartStoppedBeforeItWasReady_plan_deletesItUnchecked()
      throws IOException {
    // The JVM wrote it at that start's stop, from the classes of a part of a start.
    Path written = madeAndStopped(25, 77, 1);
    Files.delete(ClassDataArchive.readyMark(written));

    Plan plan = plan(launch(25, plainJar()));

    assertThat(plan.making()).isTrue();
    assertThat(written).doesNotExist();
    assertThat(checked).isEmpty();
  }

  @Test
  void givenJdk25_plan_writesTheAotCacheOnceThenUsesIt() throws IOException {
    Plan first = plan(launch(25, plainJar()));
    assertThat(first.making()).isTrue();
    assertThat(first.archive().getFileName().toString()).endsWith(".4242.abc.aot");
    assertThat(first.options()).first().isEqualTo("-XX:AOTCacheOutput=" + first.archive());
    assertThat(first.options())
        .as("quiet about the classes it leaves out")
        .contains("-Xlog:aot=error");

    Path written = madeAndStopped(25, 77, 1);
    Plan later = plan(launch(25, plainJar()));
    assertThat(later.making()).isFalse();
    assertThat(later.options()).first().isEqualTo("-XX:AOTCache=" + taken(written));
    assertThat(later.options())
        .as("a cache it cannot map is reported")
        .doesNotContain("-Xlog:aot=error");
  }

  @Test
  void givenNoRoomToMakeAnArchive_plan_restartsNothing() throws IOException {
    Launch cramped = launch(17, plainJar(), Map.of(), "", 1_000L, false);
    assertThat(plan(cramped, NONE_ALIVE, ALL_MAPPABLE)).isEmpty();

    Path written = madeAndStopped(17, 77, 1);
    assertThat(plan(cramped, NONE_ALIVE, ALL_MAPPABLE))
        .as("an archive already made is still mapped")
        .hasValueSatisfying(plan -> assertThat(plan.archive()).isEqualTo(taken(written)));
  }

  @Test
  void givenAnArchiveToMap_plan_doesNotAskForRoom() throws IOException {
    // Asking reads the file system's table: work a start that maps an archive does not need.
    Files.writeString(taken(plan(launch(17, plainJar())).archive()), "archive");
    AtomicInteger asked = new AtomicInteger();
    Launch launch =
        launch(17, "/jdk", plainJar(), Map.of(), "", 1_000L, () -> asked.incrementAndGet() > 0);

    assertThat(plan(launch, NONE_ALIVE, ALL_MAPPABLE))
        .hasValueSatisfying(plan -> assertThat(plan.making()).isFalse());
    assertThat(asked).hasValue(0);
  }

  @Test
  void givenAJdkNewerThanTheLastChecked_plan_leavesTheCompilersThresholdsAlone() {
    for (int feature : new int[] {17, 21, 25}) {
      assertThat(plan(launch(feature, plainJar())).options())
          .as("JDK " + feature)
          .containsAll(ClassDataArchive.START_COMPILATION);
    }
    Plan later = plan(launch(ClassDataArchive.LAST_CHECKED_FEATURE + 1, plainJar()));
    assertThat(later.options()).doesNotContainAnyElementsOf(ClassDataArchive.START_COMPILATION);
  }

  @Test
  void givenTheOperatorsOwnCompilerOptions_plan_leavesTheStartsThresholdsOut() {
    List<String> tuned = new java.util.ArrayList<>(List.of("-XX:Tier4InvocationThreshold=100"));
    tuned.addAll(plainJar());
    assertThat(plan(launch(17, tuned)).options())
        .doesNotContainAnyElementsOf(ClassDataArchive.START_COMPILATION);
    for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      for (String value : List.of("-XX:-TieredCompilation", "-Xint", "-XX:TieredStopAtLevel=1")) {
        Launch launch = launch(17, plainJar(), Map.of(variable, value), "", 1_000L, true);
        assertThat(plan(launch).options())
            .as(variable + "=" + value)
            .doesNotContainAnyElementsOf(ClassDataArchive.START_COMPILATION);
      }
    }
    Launch untuned = launch(17, plainJar(), Map.of("JDK_JAVA_OPTIONS", "-Xmx96m"), "", 1L, true);
    assertThat(plan(untuned).options()).containsAll(ClassDataArchive.START_COMPILATION);
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
                launch(21, "/other-jdk", plainJar(), Map.of(), "", 1_000L, () -> true),
                dir,
                NONE_ALIVE,
                ALL_MAPPABLE)
            .orElseThrow()
            .archive();

    assertThat(List.of(plain, capped, otherJdk)).doesNotHaveDuplicates();
  }

  @Test
  void givenARebuiltJar_plan_namesANewArchiveAndDeletesTheOldBuildsOnly() throws IOException {
    Path old = madeAndStopped(21, 77, 1);
    Path otherOptions =
        Files.writeString(
            plan(launch(21, List.of("-Xmx96m", "-jar", jar.toString()))).archive(), "kept");

    Plan rebuilt = plan(launch(21, plainJar(), Map.of(), "", 2_000L, true));

    assertThat(rebuilt.making()).isTrue();
    assertThat(old).doesNotExist();
    assertThat(ClassDataArchive.readyMark(old)).doesNotExist();
    assertThat(otherOptions).exists();
  }

  @Test
  void givenTheOperatorChoseTheClassDataAlready_plan_restartsNothing() {
    for (String option :
        List.of(
            "-XX:SharedArchiveFile=/x.jsa",
            "-XX:ArchiveClassesAtExit=/x.jsa",
            "-XX:+AutoCreateSharedArchive",
            "-Xshare:off",
            "-XX:AOTCache=/x.aot",
            "-XX:VMOptionsFile=/etc/imbot/jvm.options")) {
      assertThat(
              plan(launch(25, List.of(option, "-jar", jar.toString())), NONE_ALIVE, ALL_MAPPABLE))
          .as(option)
          .isEmpty();
      for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
        Launch launch =
            launch(21, plainJar(), Map.of(variable, "-Xmx96m " + option), "", 1_000L, true);
        assertThat(plan(launch, NONE_ALIVE, ALL_MAPPABLE)).as(variable + " " + option).isEmpty();
      }
    }
  }

  @Test
  void givenAnArgumentFileInTheJvmsVariables_plan_restartsNothingSinceItMayHoldAnything() {
    for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      Launch launch =
          launch(17, plainJar(), Map.of(variable, "-Xmx96m @/etc/imbot/jvm"), "", 1_000L, true);
      assertThat(plan(launch, NONE_ALIVE, ALL_MAPPABLE)).as(variable).isEmpty();
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
              plan(launch(17, List.of(option, "-jar", jar.toString())), NONE_ALIVE, ALL_MAPPABLE))
          .as(option)
          .isEmpty();
      Launch fromEnvironment =
          launch(17, plainJar(), Map.of("JAVA_TOOL_OPTIONS", option), "", 1_000L, true);
      assertThat(plan(fromEnvironment, NONE_ALIVE, ALL_MAPPABLE)).as(option).isEmpty();
    }
  }

  @Test
  void givenAnArgumentBeyondAscii_plan_restartsNothingSinceItCouldNotBePassedOnAsItCame() {
    // As read from /proc/self/cmdline, byte for byte: "тест" in UTF-8.
    String bytes =
        new String(
            "--name=тест".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(plan(launch(17, plainJar(bytes)), NONE_ALIVE, ALL_MAPPABLE)).isEmpty();
  }

  @Test
  void givenTheSettingOff_plan_restartsNothing() {
    assertThat(
            plan(launch(17, plainJar(), Map.of(), "off", 1_000L, true), NONE_ALIVE, ALL_MAPPABLE))
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
      assertThat(plan(launch(17, arguments), NONE_ALIVE, ALL_MAPPABLE))
          .as(arguments.toString())
          .isEmpty();
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void givenAJarNamedRelatively_plan_restartsWithItsAbsolutePath() {
    Path relative = Path.of("").toAbsolutePath().relativize(jar);

    Plan plan = plan(launch(17, List.of("-jar", relative.toString())));

    assertThat(plan.arguments()).endsWith("-jar", jar.toAbsolutePath().toString());
  }
}
