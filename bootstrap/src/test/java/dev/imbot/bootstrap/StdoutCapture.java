package dev.imbot.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Test support: records what is written to {@code System.out} while it is open, still passing it on
 * to the console. The log goes there too (logback's console appender looks {@code System.out} up on
 * every write).
 */
final class StdoutCapture implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

  private StdoutCapture() {
    original = System.out;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (recorded) {
              recorded.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            synchronized (recorded) {
              recorded.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  static StdoutCapture start() {
    return new StdoutCapture();
  }

  /** Everything written so far. */
  String text() {
    System.out.flush();
    synchronized (recorded) {
      return recorded.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(original);
  }
}
