package dev.imbot.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's embedder example true: it is compiled and run as written. */
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
            List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    output.toString(),
                    source.toString())
                .toArray(String[]::new));
    assertThat(status).as("the README example compiles").isZero();
  }
}
