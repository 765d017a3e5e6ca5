package dev.imbot.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * The service's entry point: starts Micronaut with the embedded H2 default or the configured DB.
 */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    // Before anything loads the JDK's HTTP client: the delivery sender sets Host itself.
    if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
  }
}
