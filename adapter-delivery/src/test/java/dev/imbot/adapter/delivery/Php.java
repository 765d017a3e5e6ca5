package dev.imbot.adapter.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: runs a PHP snippet with php-cli, {@code input} on its standard input, and answers
 * its standard output. Outside CI a machine without PHP skips the test; in CI it fails.
 */
final class Php {
  private Php() {}

  static String run(String code, String input) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of("php", "-r", code)).redirectErrorStream(true).start();
    } catch (IOException noPhp) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("php-cli is required in CI (.ci/run installs it)", noPhp);
      }
      Assumptions.abort("php-cli is not installed");
      throw noPhp;
    }
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("php failed: " + out);
    }
    return out;
  }
}
