package dev.imbot.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
          plan(launch, dir, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
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
   * already the operator's choice (an option on the command line or in {@code JDK_JAVA_OPTIONS},
   * {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}), when the command line is not a plain {@code
   * -jar} of this jar or reads an argument file. {@code alive} tells whether a process id is
   * running (JDK 17's archive is written under its maker's id until a later start takes it).
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
    if (before.stream().anyMatch(ClassDataArchive::ownChoice)) {
      return Optional.empty();
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

    List<String> options = new ArrayList<>();
    Path archive;
    boolean making;
    if (launch.javaFeature() >= 25) {
      // JDK 25's AOT cache (JEP 514): one start writes it at exit, later starts map it.
      archive = dir.resolve(base + ".aot");
      making = !Files.isRegularFile(archive);
      options.add((making ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + archive);
    } else if (launch.javaFeature() >= 19) {
      // The JVM makes the archive at exit when it is missing or stale, and maps it otherwise.
      archive = dir.resolve(base + ".jsa");
      making = !Files.isRegularFile(archive);
      options.add("-XX:+AutoCreateSharedArchive");
      options.add("-XX:SharedArchiveFile=" + archive);
    } else {
      archive = dir.resolve(base + ".jsa");
      // A file under this process's own id was written by an earlier process that had it (in a
      // container the service is often process 1 at every start).
      LongPredicate other = pid -> pid != launch.pid() && alive.test(pid);
      making = !Files.isRegularFile(archive) && !adoptFinished(dir, base, archive, other);
      if (making) {
        // Written when this process stops, under its own id: two starts making one at once
        // must not write the same file.
        archive = dir.resolve(base + "." + launch.pid() + ".jsa");
        options.add("-XX:ArchiveClassesAtExit=" + archive);
      } else {
        options.add("-XX:SharedArchiveFile=" + archive);
      }
    }
    if (making || launch.javaFeature() >= 19 && launch.javaFeature() < 25) {
      // Writing an archive, the JVM warns of every class it leaves out (some 60 to 90 lines at
      // exit, none of them the operator's to act on).
      options.add(launch.javaFeature() >= 25 ? "-Xlog:aot=error" : "-Xlog:cds=error");
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
    return OWN_CHOICE.stream().anyMatch(option::contains);
  }

  /**
   * JDK 17: takes an archive a stopped start finished under its id as this jar's; a file whose
   * maker still runs may be half written and is left alone.
   */
  private static boolean adoptFinished(Path dir, String base, Path archive, LongPredicate alive) {
    try (DirectoryStream<Path> made = Files.newDirectoryStream(dir, base + ".*.jsa")) {
      for (Path candidate : made) {
        String name = candidate.getFileName().toString();
        String id = name.substring(base.length() + 1, name.length() - ".jsa".length());
        if (id.chars().allMatch(Character::isDigit) && !alive.test(Long.parseLong(id))) {
          Files.move(candidate, archive, StandardCopyOption.ATOMIC_MOVE);
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  /** Deletes the archives of earlier builds of the same jar (with the same JVM and options). */
  private static void prune(Path dir, String owner, String current) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, owner + "*")) {
      for (Path file : files) {
        if (!file.getFileName().toString().startsWith(current)) {
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
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }
}
