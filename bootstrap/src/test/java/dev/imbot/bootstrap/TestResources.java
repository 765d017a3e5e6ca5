package dev.imbot.bootstrap;

/** Test support: closes what a test class started, in order, skipping what never started. */
final class TestResources {
  private TestResources() {}

  /**
   * Closes each non-null resource in the order given; every one is closed even when an earlier one
   * fails, and the first failure is thrown afterwards.
   */
  static void closeAll(AutoCloseable... resources) {
    RuntimeException failure = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing " + resource + " failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
