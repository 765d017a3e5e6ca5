package dev.imbot.adapter.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Persistence adapter: the versioned SQL migrations in Flyway {@code classpath:} locations, each
 * with the checksum Flyway records for it, read without starting Flyway. Flyway's checksum is a
 * CRC-32 over the file's lines in UTF-8, without their line ends and without a byte-order mark
 * ({@code SchemaMigrationTest} checks the two agree on every migration).
 */
final class MigrationScripts {
  private static final String CLASSPATH = "classpath:";
  // Flyway's default naming: V<version>__<description>.sql, the version's parts split by "_".
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  // Read once per set of locations: a start reads them for the schema template and the check.
  private static final Map<List<String>, Optional<Map<String, Integer>>> READ =
      new ConcurrentHashMap<>();

  private MigrationScripts() {}

  /**
   * Version to checksum of every migration in {@code locations}, or null when there is anything
   * this reading does not cover (a location outside the class path, a file that is not a versioned
   * SQL migration, a version twice): Flyway has to look then.
   */
  static Map<String, Integer> checksums(String... locations) {
    return READ.computeIfAbsent(
            List.of(locations), l -> Optional.ofNullable(read(locations)).map(Map::copyOf))
        .orElse(null);
  }

  private static Map<String, Integer> read(String... locations) {
    Map<String, Integer> checksums = new HashMap<>();
    ClassLoader loader = MigrationScripts.class.getClassLoader();
    try {
      for (String location : locations) {
        if (!location.startsWith(CLASSPATH)) {
          return null;
        }
        String folder = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
        for (String file : filesIn(loader, folder)) {
          Matcher versioned = VERSIONED.matcher(file);
          if (!versioned.matches()) {
            return null;
          }
          String version = versioned.group(1).replace('_', '.');
          if (checksums.put(version, checksum(loader, folder + "/" + file)) != null) {
            return null;
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      return null;
    }
    return checksums;
  }

  /** The names of the files directly in {@code folder}, in every class-path entry that has it. */
  private static List<String> filesIn(ClassLoader loader, String folder)
      throws IOException, URISyntaxException {
    List<String> files = new ArrayList<>();
    Enumeration<URL> urls = loader.getResources(folder);
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      switch (url.getProtocol()) {
        case "file" -> {
          try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
            paths
                .filter(Files::isRegularFile)
                .forEach(path -> files.add(path.getFileName().toString()));
          }
        }
        case "jar" -> {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false); // a jar of its own, closed here, not one kept open
          try (JarFile jar = connection.getJarFile()) {
            String prefix = folder + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String name = entries.nextElement().getName();
              if (name.startsWith(prefix)
                  && name.length() > prefix.length()
                  && name.indexOf('/', prefix.length()) < 0) {
                files.add(name.substring(prefix.length()));
              }
            }
          }
        }
        default -> throw new IOException("cannot list " + url);
      }
    }
    return files;
  }

  /** Flyway's checksum of a resource: CRC-32 over its lines' UTF-8 bytes, BOM dropped. */
  static int checksum(ClassLoader loader, String resource) {
    CRC32 crc = new CRC32();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not found");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = reader.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }
}
