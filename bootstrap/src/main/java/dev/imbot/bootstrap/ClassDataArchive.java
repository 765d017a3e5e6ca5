package dev.imbot.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.zip.CRC32;

/**
 * Start-up class data: plans the restart of a plain {@code java -jar} start, in the same process,
 * with a class-data archive that the JVM makes on one start and maps on the next (decision 164).
 */
final class ClassDataArchive {
  /** Set on the restarted JVM: the archive it makes or maps (and so it does not restart again). */
  static final String ARCHIVE_PROPERTY = "imbot.class-data.archive";

  /** Set on the restarted JVM when this start makes the archive rather than mapping it. */
  static final String MAKING_PROPERTY = "imbot.class-data.making";

  /** {@code off} turns the archive off; anything else (or nothing) leaves it on. */
  static final String SETTING_VARIABLE = "IMBOT_CLASS_DATA";

  static final String SETTING_PROPERTY = "imbot.class-data";

  /** Where archives are kept; by default the user's cache folder. */
  static final String DIR_VARIABLE = "IMBOT_CLASS_DATA_DIR";

  static final String DIR_PROPERTY = "imbot.class-data.dir";

  private static final String PREFIX = "imbot-registry-";

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
      ProcessHandle.Info info = ProcessHandle.current().info();
      Optional<String> command = info.command();
      Optional<String[]> arguments = info.arguments();
      Path jar =
          Path.of(
              ClassDataArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (command.isEmpty() || arguments.isEmpty() || !Files.isRegularFile(jar)) {
        return;
      }
      Map<String, String> environment = System.getenv();
      String setting = System.getProperty(SETTING_PROPERTY);
      Launch launch =
          new Launch(
              Runtime.version().feature(),
              System.getProperty("java.home"),
              System.getProperty("java.vm.version"),
              List.of(arguments.get()),
              environment,
              setting != null ? setting : environment.getOrDefault(SETTING_VARIABLE, ""),
              jar,
              Files.size(jar),
              Files.getLastModifiedTime(jar).toMillis(),
              ProcessHandle.current().pid());
      Path dir = dir(environment);
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
              });
      if (plan.isPresent() && Files.isWritable(Files.createDirectories(dir))) {
        List<String> argv = new ArrayList<>();
        argv.add(command.get());
        argv.addAll(plan.get().arguments());
        ProcessImage.replace(command.get(), argv);
      }
    } catch (Exception | LinkageError e) {
      // No archive then: the start goes on as it is (JNA without a native part for this platform,
      // a read-only cache folder, a jar that is not a file).
    }
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
   * ({@code -Dimbot.class-data} or {@code IMBOT_CLASS_DATA}), the jar it runs and this process's
   * id.
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
      long pid) {}

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
   * when the command line is not a plain {@code -jar} of this jar or reads an argument file. {@code
   * alive} tells whether a process id is running (an archive is written under its maker's id until
   * a later start takes it).
   */
  static Optional<Plan> plan(Launch launch, Path dir, LongPredicate alive) {
    if ("off".equalsIgnoreCase(launch.setting())) {
      return Optional.empty();
    }
    int jarOption = jarOption(launch.arguments());
    if (jarOption < 0 || jarOption + 1 >= launch.arguments().size()) {
      return Optional.empty();
    }
    List<String> before = launch.arguments().subList(0, jarOption);
    for (String option : before) {
      if (ownChoice(option)) {
        return Optional.empty();
      }
    }
    for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      String value = launch.environment().get(variable);
      if (value != null && ownChoice(value)) {
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

    // JDK 25 and newer: the AOT cache (JEP 514), classes linked and more; before it, a dynamic
    // class-data archive (JDK 13 and newer). Either is written when the start that makes it stops.
    boolean aot = launch.javaFeature() >= 25;
    String extension = aot ? ".aot" : ".jsa";
    Path archive = dir.resolve(base + extension);
    // A file under this process's own id was written by an earlier process that had it (in a
    // container the service is often process 1 at every start).
    LongPredicate other =
        new LongPredicate() {
          @Override
          public boolean test(long pid) {
            return pid != launch.pid() && alive.test(pid);
          }
        };
    boolean making = !Files.isRegularFile(archive) && !adoptFinished(dir, base, extension, other);
    List<String> options = new ArrayList<>();
    if (making) {
      // Written under this process's id, so two starts making one at once write two files, and
      // taken as the jar's archive only once a later start finds it finished (see adoptFinished).
      archive = dir.resolve(base + "." + launch.pid() + extension);
      options.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
      // Writing it, the JVM warns of every class it leaves out (some 60 to 90 lines at exit, none
      // of them the operator's to act on).
      options.add(aot ? "-Xlog:aot=error" : "-Xlog:cds=error");
    } else {
      options.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
    }
    options.add("-D" + ARCHIVE_PROPERTY + "=" + archive);
    if (making) {
      options.add("-D" + MAKING_PROPERTY + "=true");
    }
    List<String> arguments = new ArrayList<>(options);
    arguments.addAll(before);
    arguments.add("-jar");
    // The archive records the class path as given: absolute, so a start from elsewhere maps it.
    arguments.add(named.toString());
    arguments.addAll(launch.arguments().subList(jarOption + 2, launch.arguments().size()));
    return Optional.of(new Plan(List.copyOf(options), archive, making, List.copyOf(arguments)));
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
   * Takes an archive a stopped start wrote under its id as the jar's: only if that start marked
   * itself ready (its archive then holds what a whole start loads; one stopped earlier would leave
   * the classes of the rest of every later start out) and is no longer running (a running one may
   * still be writing). What a stopped start left unready is deleted.
   */
  private static boolean adoptFinished(
      Path dir, String base, String extension, LongPredicate alive) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path candidate : files) {
        String name = candidate.getFileName().toString();
        if (!name.startsWith(base + ".") || !name.endsWith(extension)) {
          continue;
        }
        String id = name.substring(base.length() + 1, name.length() - extension.length());
        if (!digits(id) || alive.test(Long.parseLong(id))) {
          continue;
        }
        Path ready = readyMark(candidate);
        if (Files.exists(ready)) {
          Files.move(candidate, dir.resolve(base + extension), StandardCopyOption.ATOMIC_MOVE);
          Files.deleteIfExists(ready);
          return true;
        }
        Files.deleteIfExists(candidate);
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  /** The file a making start writes beside its archive once it is ready. */
  static Path readyMark(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".ready");
  }

  /**
   * Called once the service is up: a start that makes the archive marks it as one a later start may
   * take (see {@link #adoptFinished}).
   */
  static void markReady() {
    String archive = System.getProperty(ARCHIVE_PROPERTY);
    if (archive != null && Boolean.getBoolean(MAKING_PROPERTY)) {
      try {
        Files.write(readyMark(Path.of(archive)), new byte[0]);
      } catch (IOException | RuntimeException e) {
        // Without the mark the next start makes the archive again.
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
