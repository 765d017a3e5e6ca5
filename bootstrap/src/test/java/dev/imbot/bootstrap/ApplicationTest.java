package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ApplicationTest {
  private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  @Test
  void givenTwoCoresOrFewer_jdkDefaults_giveTheCommonPoolTwoThreadsSoAsyncTasksGetNoThreadEach() {
    for (int cores : new int[] {1, 2}) {
      Properties properties = new Properties();
      Application.jdkDefaults(properties, cores);
      assertThat(properties.getProperty(PARALLELISM)).as(cores + " cores").isEqualTo("2");
    }
  }

  @Test
  void givenMoreCores_jdkDefaults_leaveTheCommonPoolAsTheJdkSizesIt() {
    Properties properties = new Properties();
    Application.jdkDefaults(properties, 3);
    assertThat(properties.getProperty(PARALLELISM)).isNull();
  }

  @Test
  void givenTheOperatorsOwnValues_jdkDefaults_keepThem() {
    Properties properties = new Properties();
    properties.setProperty(PARALLELISM, "1");
    Application.jdkDefaults(properties, 2);
    assertThat(properties.getProperty(PARALLELISM)).isEqualTo("1");
  }
}
