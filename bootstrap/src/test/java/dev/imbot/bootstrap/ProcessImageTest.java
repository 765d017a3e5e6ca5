package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JNA's native part, unpacked once into the class-data folder and loaded from there. */
class ProcessImageTest {
  @TempDir Path temp;

  @Test
  void givenAnEmptyCache_bootLibrary_unpacksJnasNativePartOnceAndJnaLoadsItFromThere()
      throws Exception {
    Path cache = temp.resolve("class-data");
    Path library = ProcessImage.bootLibraryFile(cache);

    String first = probe(cache);

    assertThat(library).exists();
    assertThat(Files.readAllBytes(library)).isEqualTo(packaged());
    assertThat(first).as("the file JNA loaded").isEqualTo(library.toString());
    try (var files = Files.list(library.getParent())) {
      assertThat(files.toList()).as("no part-written file left beside it").containsOnly(library);
    }

    FileTime written = Files.getLastModifiedTime(library);
    Files.setLastModifiedTime(library, FileTime.fromMillis(written.toMillis() - 60_000));
    FileTime before = Files.getLastModifiedTime(library);
    String second = probe(cache);

    assertThat(second).isEqualTo(library.toString());
    assertThat(Files.getLastModifiedTime(library)).as("not written again").isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jna.boot.library.path",
        "jna.boot.library.name",
        "jna.nosys",
        "jna.noclasspath",
        "jna.nounpack"
      })
  void givenTheOperatorsOwnJnaSetting_bootLibrary_leavesJnaAlone(String setting) {
    Path cache = temp.resolve("class-data");
    String before = System.getProperty(setting);
    String path = System.getProperty("jna.boot.library.path");
    System.setProperty(setting, "theirs");
    try {
      ProcessImage.bootLibrary(cache, 1, 2);
      assertThat(System.getProperty(setting)).isEqualTo("theirs");
      assertThat(cache).doesNotExist();
      if (!setting.equals("jna.boot.library.path")) {
        assertThat(System.getProperty("jna.boot.library.path")).isEqualTo(path);
      }
    } finally {
      if (before == null) {
        System.clearProperty(setting);
      } else {
        System.setProperty(setting, before);
      }
    }
  }

  /** In a JVM of its own: bootLibrary, then JNA's first use; the path JNA says it loaded. */
  private static String probe(Path cache) throws Exception {
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Probe.class.getName(),
                    cache.toString()))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output.strip();
  }

  private static byte[] packaged() throws Exception {
    try (InputStream in =
        ProcessImage.class
            .getClassLoader()
            .getResourceAsStream(ProcessImage.BOOT_LIBRARY_RESOURCE)) {
      return in.readAllBytes();
    }
  }

  /** Main of the probing JVM. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      ProcessImage.bootLibrary(Path.of(args[0]), ProcessHandle.current().pid(), System.nanoTime());
      // Native's set-up loads the native part and says where from.
      System.out.println(Native.POINTER_SIZE > 0 ? System.getProperty("jnidispatch.path") : "");
    }
  }
}
