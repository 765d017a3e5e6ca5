package dev.imbot.bootstrap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.slf4j.LoggerFactory;

/**
 * Start-up class data: plans the restart of a plain {@code java -jar} start, in the same process,
 * with a class-data archive that the first start of a jar build makes and later starts map
 * (decision 164).
 */
final class ClassDataArchive {
  /** How long a making start goes on listing its classes after its first answer. */
  private static final long LIST_SETTLE_MILLIS = 3_000;

  /** Set on the restarted JVM: the archive it makes or maps (and so it does not restart again). */
  static final String ARCHIVE_PROPERTY = "imbot.class-data.archive";

  /** Set on a restarted JVM before JDK 25 that lists its classes for the archive. */
  static final String LIST_PROPERTY = "imbot.class-data.list";

  /** Set on the restarted JVM when this start makes the archive rather than mapping it. */
  static final String MAKING_PROPERTY = "imbot.class-data.making";

  /** {@code off} turns the archive off; anything else (or nothing) leaves it on. */
  static final String SETTING_VARIABLE = "IMBOT_CLASS_DATA";

  static final String SETTING_PROPERTY = "imbot.class-data";

  /** The variables the launcher or the JVM reads options from, beside the command line. */
  private static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  /** Where archives are kept; by default the user's cache folder. */
  static final String DIR_VARIABLE = "IMBOT_CLASS_DATA_DIR";

  static final String DIR_PROPERTY = "imbot.class-data.dir";

  private static final String PREFIX = "imbot-registry-";

  /**
   * The first compiler's thresholds for a start (decision 174): the service's start runs code of
   * some 8,500 classes a few hundred times each and never again, which HotSpot's defaults compile
   * with C1 after 200 calls, compiling beside a start on two cores. Five times higher, that code
   * stays interpreted, while what serves requests reaches C1 within its first seconds and C2 about
   * as soon as before (C2's own thresholds are left alone: raised too, they cut more of the start
   * but left the delivery path on C1 code for minutes under load). Left out when the operator tunes
   * the compilers (see {@link #ownCompilation}).
   */
  static final List<String> START_COMPILATION =
      List.of(
          "-XX:Tier3InvocationThreshold=1000",
          "-XX:Tier3MinInvocationThreshold=500",
          "-XX:Tier3CompileThreshold=10000");

  /** The newest JDK these options were checked on: a later one might have dropped one of them. */
  static final int LAST_CHECKED_FEATURE = 25;

  /** Options by which an operator tunes the compilers: then the start's thresholds stay out. */
  private static final List<String> OWN_COMPILATION =
      List.of(
          "Tier", "CompileThreshold", "TieredCompilation", "-Xint", "-Xcomp", "CompilationMode");

  /** Options that mean the operator chose the JVM's class data (or its absence) already. */
  private static final List<String> OWN_CHOICE =
      List.of(
          "SharedArchiveFile",
          "ArchiveClassesAtExit",
          "AutoCreateSharedArchive",
          "AOTCache",
          "AOTMode",
          "AOTConfiguration",
          "SharedClassListFile",
          "DumpLoadedClassList",
          // Options files may hold any of them.
          "VMOptionsFile",
          "-XX:Flags=",
          "-Xshare");

  /**
   * Options whose work would be done twice, once by the JVM that is replaced a moment later: an
   * agent's start (an APM agent's may take seconds and connect to its collector), a flight
   * recording (the first JVM's would be lost). Such a start is left as it is.
   */
  private static final List<String> NOT_TWICE =
      List.of("-javaagent", "-agentlib", "-agentpath", "StartFlightRecording");

  /** The launcher's options whose value is the next argument. */
  private static final Set<String> TAKES_VALUE =
      Set.of(
          "-cp",
          "-classpath",
          "--class-path",
          "-p",
          "--module-path",
          "--upgrade-module-path",
          "--add-modules",
          "--limit-modules",
          "--add-exports",
          "--add-opens",
          "--add-reads",
          "--patch-module",
          "--enable-native-access");

  private ClassDataArchive() {}

  // What runs before the restart is written without lambdas, streams, formats or globs: each
  // would load and link classes in the first JVM only for it to be replaced a moment later.

  /**
   * Restarts this start with its class-data archive when {@link #plan} makes one, and returns only
   * when it does not: on a JVM already restarted, outside Linux and macOS, when the archive folder
   * cannot be made, or when anything of the restart fails (the start then goes on as it is).
   */
  static void restartIfUseful() {
    if (System.getProperty(ARCHIVE_PROPERTY) != null) {
      return;
    }
    String os = System.getProperty("os.name", "");
    if (!os.startsWith("Linux") && !os.startsWith("Mac")) {
      return;
    }
    try {
      Optional<Self> self = self();
      Path jar = ownJar();
      if (self.isEmpty() || !Files.isRegularFile(jar)) {
        return;
      }
      String command = self.get().command();
      Map<String, String> environment = System.getenv();
      int feature = Runtime.version().feature();
      Path dir = dir(environment);
      Launch launch =
          new Launch(
              feature,
              System.getProperty("java.home"),
              System.getProperty("java.vm.version"),
              self.get().arguments(),
              environment,
              setting(System.getProperties(), environment),
              jar,
              Files.size(jar),
              Files.getLastModifiedTime(jar).toMillis(),
              self.get().pid(),
              System.nanoTime(),
              new BooleanSupplier() {
                @Override
                public boolean getAsBoolean() {
                  return usableSpace(dir) >= (feature >= 25 ? ROOM_AOT : ROOM_CDS);
                }
              });
      Optional<Plan> plan =
          plan(
              launch,
              dir,
              new LongPredicate() {
                @Override
                public boolean test(long pid) {
                  Optional<ProcessHandle> process = ProcessHandle.of(pid);
                  return process.isPresent() && process.get().isAlive();
                }
              },
              new Mappable(command, launch));
      if (plan.isPresent() && Files.isWritable(Files.createDirectories(dir))) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(plan.get().arguments());
        ProcessImage.replace(
            command,
            argv,
            List.of(launch.javaHome(), jar.toString()),
            dir,
            launch.pid(),
            launch.nonce());
      }
    } catch (Exception | LinkageError e) {
      // No archive then: the start goes on as it is (JNA without a native part for this platform,
      // a read-only cache folder, a jar that is not a file).
    }
  }

  /** The jar the service runs from (for a start that is not a jar, the classes' folder). */
  private static Path ownJar() throws URISyntaxException {
    return Path.of(
        ClassDataArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Room a start needs in the cache folder to make an archive: about four times its size. */
  private static final long ROOM_CDS = 256L << 20;

  private static final long ROOM_AOT = 512L << 20;

  /** This process: its program, its id and its command line after the program. */
  private record Self(String command, long pid, List<String> arguments) {}

  /**
   * This process as the kernel holds it on Linux, read from {@code /proc/self}: {@code
   * ProcessHandle}'s first use starts its reaper's thread pool and spins lambdas (some 15 ms of a
   * JVM about to be replaced), and it decodes the command line with the platform's encoding, which
   * under {@code LC_ALL=C} turns every byte past ASCII into a question mark; decoded here byte for
   * byte, such an argument stays recognisable (and {@link #plan} leaves such a start alone).
   * Elsewhere (macOS) from {@code ProcessHandle}.
   */
  private static Optional<Self> self() throws IOException {
    Path proc = Path.of("/proc/self");
    Path cmdline = proc.resolve("cmdline");
    if (!Files.isReadable(cmdline)) {
      ProcessHandle current = ProcessHandle.current();
      ProcessHandle.Info info = current.info();
      Optional<String> command = info.command();
      Optional<String[]> arguments = info.arguments();
      return command.isPresent() && arguments.isPresent()
          ? Optional.of(new Self(command.get(), current.pid(), List.of(arguments.get())))
          : Optional.<Self>empty();
    }
    byte[] raw = Files.readAllBytes(cmdline);
    List<String> all = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        all.add(new String(raw, from, i - from, StandardCharsets.ISO_8859_1));
        from = i + 1;
      }
    }
    String pid = Files.readSymbolicLink(proc).toString();
    if (all.isEmpty() || !digits(pid)) {
      return Optional.empty();
    }
    String command = Files.readSymbolicLink(proc.resolve("exe")).toString();
    return Optional.of(new Self(command, Long.parseLong(pid), all.subList(1, all.size())));
  }

  private static long usableSpace(Path dir) {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Whether the JVM maps an archive: a short JVM that must map it ({@code -Xshare:on}, or {@code
   * -XX:AOTMode=on}) with the start's options and the jar, and prints its version. A file cut short
   * by a kill while it was written is refused, or crashes that JVM, not the service.
   */
  private static final class Mappable implements Predicate<Path> {
    private final String java;
    private final Launch launch;

    Mappable(String java, Launch launch) {
      this.java = java;
      this.launch = launch;
    }

    @Override
    public boolean test(Path archive) {
      List<String> command = new ArrayList<>();
      command.add(java);
      if (launch.javaFeature() >= 25) {
        command.add("-XX:AOTMode=on");
        command.add("-XX:AOTCache=" + archive);
      } else {
        command.add("-Xshare:on");
        command.add("-XX:SharedArchiveFile=" + archive);
      }
      command.add("-XX:-CreateCoredumpOnCrash");
      command.add("-XX:ErrorFile=/dev/null");
      int jarOption = jarOption(launch.arguments());
      command.addAll(launch.arguments().subList(0, jarOption));
      command.add("-cp");
      command.add(launch.jar().toAbsolutePath().normalize().toString());
      command.add("-version");
      try {
        Process check =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
          check.destroyForcibly();
          return false;
        }
        return check.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** The setting: {@code -Dimbot.class-data}, else {@code IMBOT_CLASS_DATA}, else empty. */
  static String setting(Properties properties, Map<String, String> environment) {
    return properties.getProperty(SETTING_PROPERTY, environment.getOrDefault(SETTING_VARIABLE, ""));
  }

  /** Whether {@code setting} turns the archive (and what is kept with it) off. */
  static boolean off(String setting) {
    return "off".equalsIgnoreCase(setting.trim());
  }

  /** {@code -Dimbot.class-data.dir}, {@code IMBOT_CLASS_DATA_DIR}, else the user's cache folder. */
  static Path dir(Map<String, String> environment) {
    String chosen = System.getProperty(DIR_PROPERTY, environment.get(DIR_VARIABLE));
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen);
    }
    String cache = environment.get("XDG_CACHE_HOME");
    if (cache != null && !cache.isBlank()) {
      return Path.of(cache, "imbot-registry");
    }
    Path home = Path.of(System.getProperty("user.home"));
    return System.getProperty("os.name", "").startsWith("Mac")
        ? home.resolve("Library/Caches/imbot-registry")
        : home.resolve(".cache/imbot-registry");
  }

  /**
   * What one start is: its JVM, its command line after the program, its environment, the setting
   * ({@code -Dimbot.class-data} or {@code IMBOT_CLASS_DATA}), the jar it runs, this process's id, a
   * number of its own (its archive's name), and whether the cache folder has room to make one
   * (asked only of a start that has to: it reads the file system's table).
   */
  record Launch(
      int javaFeature,
      String javaHome,
      String vmVersion,
      List<String> arguments,
      Map<String, String> environment,
      String setting,
      Path jar,
      long jarSize,
      long jarModified,
      long pid,
      long nonce,
      BooleanSupplier roomToMake) {}

  /**
   * The restart: the options that go before the operator's own ({@code options}, each of the
   * operator's then still wins), the archive, whether this start makes it, and the whole argument
   * list after the program.
   */
  record Plan(List<String> options, Path archive, boolean making, List<String> arguments) {}

  /**
   * The restart this start should make, or empty: when turned off, when the JVM's class data is
   * already the operator's choice or the start has an agent or a flight recording (an option on the
   * command line or in {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}),
   * when the command line is not a plain {@code -jar} of this jar, reads an argument file or holds
   * more than ASCII, and when there is no archive to map and no room to make one. {@code alive}
   * tells whether a process id is running (an archive is written under its maker's id until a later
   * start takes it); {@code mappable} whether the JVM maps an archive (see {@link #tidy}).
   */
  static Optional<Plan> plan(
      Launch launch, Path dir, LongPredicate alive, Predicate<Path> mappable) {
    if (off(launch.setting())) {
      return Optional.empty();
    }
    int jarOption = jarOption(launch.arguments());
    if (jarOption < 0 || jarOption + 1 >= launch.arguments().size()) {
      return Optional.empty();
    }
    for (String argument : launch.arguments()) {
      if (!ascii(argument)) {
        // Passed on as bytes decoded one by one, it could not be passed back as it came.
        return Optional.empty();
      }
    }
    List<String> before = launch.arguments().subList(0, jarOption);
    for (String option : before) {
      if (ownChoice(option)) {
        return Optional.empty();
      }
    }
    for (String variable : OPTION_VARIABLES) {
      String value = launch.environment().get(variable);
      // An argument file there may hold any of it.
      if (value != null && (ownChoice(value) || value.contains("@"))) {
        return Optional.empty();
      }
    }
    Path named = Path.of(launch.arguments().get(jarOption + 1)).toAbsolutePath().normalize();
    if (!named.equals(launch.jar().toAbsolutePath().normalize())) {
      return Optional.empty();
    }
    // One archive for each jar path, JVM and set of the operator's options (they decide what the
    // JVM may map); the jar's size and time tell a rebuilt jar, whose archive replaces the old one.
    String owner =
        crc(named + "\n" + launch.javaHome() + "\n" + launch.vmVersion() + "\n" + before);
    String version = crc(launch.jarSize() + "\n" + launch.jarModified());
    String base = PREFIX + owner + "-" + version;
    prune(dir, PREFIX + owner + "-", base);

    // JDK 25 and newer: the AOT cache (JEP 514), classes linked and more, written when the start
    // that makes it stops; before it, a static class-data archive, written from the classes that
    // start listed by a JVM of its own once the start is up (see onServiceUp).
    boolean aot = launch.javaFeature() >= 25;
    String extension = extension(aot);
    Path archive = dir.resolve(base + extension);
    // A file under this process's own id was left by an earlier process that had it (in a
    // container the service is often process 1 at every start).
    LongPredicate other =
        new LongPredicate() {
          @Override
          public boolean test(long pid) {
            return pid != launch.pid() && alive.test(pid);
          }
        };
    boolean making = !tidy(dir, base, aot, other, mappable);
    if (making && !launch.roomToMake().getAsBoolean()) {
      return Optional.empty();
    }
    List<String> options = new ArrayList<>();
    if (making) {
      // Named with this process's id and a number of its own, so that two starts making one at
      // once write two files and a ready mark names one file only; it becomes the jar's archive by
      // a rename once whole (see tidy and writeFromList).
      String made = base + "." + launch.pid() + "." + Long.toHexString(launch.nonce());
      archive = dir.resolve(made + extension);
      if (aot) {
        options.add("-XX:AOTCacheOutput=" + archive);
        // Writing it, the JVM warns of every class it leaves out (some 90 lines at exit, none of
        // them the operator's to act on).
        options.add("-Xlog:aot=error");
      } else {
        // The classes this start loads, listed as they load; once it is up, a JVM of its own
        // writes the archive from the list (see onServiceUp), not this one at its exit.
        Path list = dir.resolve(made + ".classlist");
        options.add("-XX:DumpLoadedClassList=" + list);
        options.add("-D" + LIST_PROPERTY + "=" + list);
      }
    } else {
      options.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
    }
    options.add("-D" + ARCHIVE_PROPERTY + "=" + archive);
    if (making) {
      options.add("-D" + MAKING_PROPERTY + "=true");
    }
    if (launch.javaFeature() <= LAST_CHECKED_FEATURE && !ownCompilation(launch, before)) {
      options.addAll(START_COMPILATION);
    }
    List<String> arguments = new ArrayList<>(options);
    arguments.addAll(before);
    arguments.add("-jar");
    // The archive records the class path as given: absolute, so a start from elsewhere maps it.
    arguments.add(named.toString());
    arguments.addAll(launch.arguments().subList(jarOption + 2, launch.arguments().size()));
    return Optional.of(new Plan(List.copyOf(options), archive, making, List.copyOf(arguments)));
  }

  /**
   * Whether the operator tunes the compilers: on the command line or in a variable the launcher or
   * the JVM reads, where {@code JDK_JAVA_OPTIONS} and {@code JAVA_TOOL_OPTIONS} would lose to the
   * restart's own options.
   */
  private static boolean ownCompilation(Launch launch, List<String> before) {
    List<String> places = new ArrayList<>(before);
    for (String variable : OPTION_VARIABLES) {
      places.add(launch.environment().getOrDefault(variable, ""));
    }
    for (String place : places) {
      for (String option : OWN_COMPILATION) {
        if (place.contains(option)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Where {@code -jar} stands among the launcher's options, or -1. */
  static int jarOption(List<String> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals("-jar")) {
        return i;
      }
      if (argument.startsWith("@") || !argument.startsWith("-")) {
        // An argument file may hold anything; a main class means no jar.
        return -1;
      }
      if (TAKES_VALUE.contains(argument)) {
        i++;
      }
    }
    return -1;
  }

  private static boolean ownChoice(String option) {
    return containsAny(option, OWN_CHOICE) || containsAny(option, NOT_TWICE);
  }

  private static boolean containsAny(String option, List<String> parts) {
    for (String part : parts) {
      if (option.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the jar has its archive, after tidying what makes it: the files of starts that made one
   * and have stopped (a running maker may still be writing). The first such archive that the JVM
   * maps becomes the jar's archive, by an atomic rename; a JDK 25 cache only if its maker also
   * marked itself ready (the JVM writes that cache from what the start loaded until it stopped: one
   * stopped before it was up would leave the rest of every later start's classes out). Before JDK
   * 25 such a file is one a JVM of its own wrote from a whole start's list and finished after its
   * maker had stopped. A file cut short by a kill during the write is refused by the check, or
   * crashes the checking JVM, not a start. Everything else those starts left (archives not taken,
   * lists, marks, the AOT cache's temporary files) is deleted.
   */
  private static boolean tidy(
      Path dir, String base, boolean aot, LongPredicate alive, Predicate<Path> mappable) {
    String extension = extension(aot);
    Path archive = dir.resolve(base + extension);
    boolean present = Files.isRegularFile(archive);
    List<Path> stopped = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.startsWith(base + ".") || name.equals(base + extension)) {
          continue;
        }
        String rest = name.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        String id = dot < 0 ? "" : rest.substring(0, dot);
        if (digits(id) && !alive.test(Long.parseLong(id))) {
          stopped.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      return present;
    }
    try {
      for (Path file : stopped) {
        if (!present
            && file.getFileName().toString().endsWith(extension)
            && (!aot || Files.exists(readyMark(file)))
            && mappable.test(file)) {
          Files.move(file, archive, StandardCopyOption.ATOMIC_MOVE);
          present = true;
        }
      }
      for (Path file : stopped) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // What could not go now goes at a later start.
    }
    return present;
  }

  private static String extension(boolean aot) {
    return aot ? ".aot" : ".jsa";
  }

  /** The jar's archive that the archive {@code made} by a making start becomes once whole. */
  static Path taken(Path made) {
    return made.resolveSibling(
        made.getFileName().toString().replaceFirst("\\.[0-9]+\\.[0-9a-f]+(\\.(jsa|aot))$", "$1"));
  }

  /** The file a making start of JDK 25 writes beside its cache once it is ready. */
  static Path readyMark(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".ready");
  }

  /**
   * Called first in the restarted JVM: an archive it was told to map and did not (the JVM then says
   * no "sharing" in {@code java.vm.info}) is deleted, so that the next start makes another instead
   * of every start going without. Returns what to log.
   */
  static Optional<String> checkMapped() {
    String archive = System.getProperty(ARCHIVE_PROPERTY);
    if (archive == null) {
      return Optional.empty();
    }
    if (Boolean.getBoolean(MAKING_PROPERTY)) {
      return Optional.of(
          "Class data: this start makes "
              + archive
              + (System.getProperty(LIST_PROPERTY) == null
                  ? " for the next ones (written when it stops)"
                  : " for the next ones (written by a JVM of its own once it is up)"));
    }
    if (System.getProperty("java.vm.info", "").contains("sharing")) {
      return Optional.of("Class data: mapped from " + archive);
    }
    try {
      Files.deleteIfExists(Path.of(archive));
    } catch (IOException | RuntimeException e) {
      // The next start finds it again and tries once more.
    }
    return Optional.of(
        "Class data: the JVM did not map " + archive + "; deleted, the next start makes another");
  }

  /**
   * Called once the service is up, in a start that makes the archive: on JDK 25 it marks the cache
   * the JVM will write at the stop as a whole start's (see {@link #tidy}); before it, it starts the
   * JVM that writes the archive from this start's list ({@link #writeFromList}).
   */
  static void onServiceUp() {
    String archive = System.getProperty(ARCHIVE_PROPERTY);
    if (archive == null || !Boolean.getBoolean(MAKING_PROPERTY)) {
      return;
    }
    String list = System.getProperty(LIST_PROPERTY);
    if (list == null) {
      try {
        Files.write(readyMark(Path.of(archive)), new byte[0]);
      } catch (IOException | RuntimeException e) {
        // Without the mark the next start makes the archive again.
      }
      return;
    }
    Thread writer =
        new Thread(
            () -> writeFromList(Path.of(list), Path.of(archive)), "class-data-archive-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Before JDK 25: writes the archive from the classes this start listed, in a JVM of its own
   * ({@code -Xshare:dump}, some 10 CPU seconds, at low priority where {@code nice} is), and makes
   * it the jar's archive when that JVM succeeds: at once, not when this start stops, which keeps
   * the stop as quick as ever and the archive whole even if the stop is a kill. What fails is
   * deleted; the next start makes another.
   */
  private static void writeFromList(Path list, Path archive) {
    // The list also takes what the first seconds after the first answer load: the delivery
    // worker's first round (a poll interval after the server listens) sets up the statement
    // library and the classes of its first statements, which no longer load before (decision 168).
    try {
      Thread.sleep(LIST_SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Path jar;
    try {
      jar = ownJar();
    } catch (URISyntaxException | RuntimeException e) {
      return;
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
      command.add("/usr/bin/nice");
      command.add("-n");
      command.add("10");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The operator's options (they decide what a JVM may map), not this start's own, nor its
    // logging (a log file of the service's would be written over).
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-XX:DumpLoadedClassList=")
          && !option.startsWith("-Dimbot.class-data")
          && !option.startsWith("-Xlog")) {
        command.add(option);
      }
    }
    command.add("-Xshare:dump");
    // It warns of every class it leaves out; none of it is the operator's to act on.
    command.add("-Xlog:cds=error");
    command.add("-Xlog:gc=error");
    command.add("-XX:SharedClassListFile=" + list);
    command.add("-XX:SharedArchiveFile=" + archive);
    command.add("-cp");
    command.add(jar.toString());
    Path target = taken(archive);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      // Its own options only: the variables' options would come twice.
      builder.environment().remove("JDK_JAVA_OPTIONS");
      Process writer = builder.start();
      if (writer.waitFor(10, TimeUnit.MINUTES)
          && writer.exitValue() == 0
          && Files.isRegularFile(archive)
          && !Files.exists(target)) {
        Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE);
        LoggerFactory.getLogger(Application.class)
            .info("Class data: wrote {} for the next starts", target);
      } else {
        writer.destroyForcibly();
      }
    } catch (IOException | RuntimeException e) {
      // Deleted below; the next start makes another.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(archive);
        Files.deleteIfExists(list);
      } catch (IOException e) {
        // A later start deletes what its maker left.
      }
    }
  }

  /** Deletes the archives of earlier builds of the same jar (with the same JVM and options). */
  private static void prune(Path dir, String owner, String current) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(owner) && !name.startsWith(current)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A folder that cannot be listed or a file that cannot go: the next start tries again.
    }
  }

  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    String hex = Long.toHexString(crc.getValue());
    return "00000000".substring(hex.length()) + hex;
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
