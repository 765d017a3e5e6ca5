package dev.imbot.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logging: everything at info and above to standard output, as text ({@code IMBOT_LOG_FORMAT} unset
 * or {@code text}) or one JSON object per line ({@code json}, logback's own {@link JsonEncoder})
 * for log shippers. Request lines go to logger {@code dev.imbot.request} at debug (warn for a 5xx):
 * {@code LOGGER_LEVELS_DEV_IMBOT_REQUEST=DEBUG} turns them on.
 *
 * <p>Set up in code rather than in {@code logback.xml}: reading XML made logback load some 450
 * classes of its configuration model and the JDK's XML parser at every start (decision 124). An
 * operator's own file still wins: with {@code -Dlogback.configurationFile=…} logback reads that.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // A system property first, then the environment, as logback's own ${IMBOT_LOG_FORMAT} did.
    String format =
        System.getProperty(
            "IMBOT_LOG_FORMAT", System.getenv().getOrDefault("IMBOT_LOG_FORMAT", "text"));
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder(context, format.toLowerCase(Locale.ROOT)));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (format.equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithArguments(false);
      json.setWithMessage(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(PATTERN);
    text.start();
    return text;
  }
}
