package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

  @Test
  void startCache_keepsTheSchemaTemplateInTheClassDataFolder() {
    Properties properties = new Properties();
    Application.startCache(properties, Map.of("IMBOT_CLASS_DATA_DIR", "/tmp/cache"));
    assertThat(properties.getProperty(Application.SCHEMA_TEMPLATE_DIR))
        .isEqualTo(java.nio.file.Path.of("/tmp/cache").toAbsolutePath().toString());
  }

  @Test
  void givenTheClassDataOff_startCache_keepsNoSchemaTemplate() {
    Properties byVariable = new Properties();
    Application.startCache(
        byVariable, Map.of("IMBOT_CLASS_DATA", "off", "IMBOT_CLASS_DATA_DIR", "/tmp/cache"));
    Properties byProperty = new Properties();
    byProperty.setProperty("imbot.class-data", "OFF");
    Application.startCache(byProperty, Map.of());

    assertThat(byVariable.getProperty(Application.SCHEMA_TEMPLATE_DIR)).isNull();
    assertThat(byProperty.getProperty(Application.SCHEMA_TEMPLATE_DIR)).isNull();
  }

  @Test
  void givenTheOperatorsOwnFolder_startCache_leavesItToThem() {
    Properties byProperty = new Properties();
    byProperty.setProperty(Application.SCHEMA_TEMPLATE_DIR, "/srv/templates");
    Application.startCache(byProperty, Map.of("IMBOT_CLASS_DATA_DIR", "/tmp/cache"));
    Properties byVariable = new Properties();
    Application.startCache(
        byVariable,
        Map.of("IMBOT_SCHEMA_TEMPLATE_DIR", "/srv/templates", "IMBOT_CLASS_DATA_DIR", "/tmp/c"));

    assertThat(byProperty.getProperty(Application.SCHEMA_TEMPLATE_DIR)).isEqualTo("/srv/templates");
    assertThat(byVariable.getProperty(Application.SCHEMA_TEMPLATE_DIR)).isNull();
  }
}
