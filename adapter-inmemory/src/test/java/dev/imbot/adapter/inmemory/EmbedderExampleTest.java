package dev.imbot.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's embedder example true: it is compiled as written against the production jars
 * only (no test-jar, no test classes), and run.
 */
class EmbedderExampleTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- embedder-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void givenReadmeEmbedderExample_compiledAndRun_registersABotWithoutAFramework(@TempDir Path dir)
      throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher example = EXAMPLE.matcher(readme);
    assertThat(example.find()).as("README holds the embedder example").isTrue();
    Path source = dir.resolve("EmbedderExample.java");
    Files.writeString(source, example.group(1));

    compile(source, dir);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method run = loader.loadClass("EmbedderExample").getMethod("registerFirstBot");
      long botId = (long) run.invoke(null);
      assertThat(botId).isPositive();
    }
  }

  private static void compile(Path source, Path output) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            List.of("-classpath", productionClassPath(), "-d", output.toString(), source.toString())
                .toArray(String[]::new));
    assertThat(status).as("the README example compiles").isZero();
  }

  /** The test class path without test classes and test-jars: what an embedder has. */
  private static String productionClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
