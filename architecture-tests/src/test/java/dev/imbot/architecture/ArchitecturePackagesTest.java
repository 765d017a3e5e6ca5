package dev.imbot.architecture;

import static com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guard test: every package the architecture rules name holds production classes, so no rule can
 * pass by checking nothing (a misspelt or moved package would otherwise silence it).
 */
class ArchitecturePackagesTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(DO_NOT_INCLUDE_TESTS)
            .importPackages(ArchitectureTest.ROOT);
  }

  static List<String> namedPackages() {
    return new ArchitectureRules(ArchitectureTest.ROOT).namedPackages();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedPackages")
  void givenAPackageARuleNames_importingProductionClasses_findsClassesInIt(String packageName) {
    List<String> classes =
        production.stream()
            .filter(javaClass -> isInPackageTree(javaClass, packageName))
            .map(JavaClass::getName)
            .toList();

    assertThat(classes)
        .as(
            "production classes in %s (a rule names it; an empty package makes it vacuous)",
            packageName)
        .isNotEmpty();
  }

  @Test
  void givenTheRuleFixtures_importingProductionClasses_leavesThemOut() {
    // The fixtures break every rule on purpose; were they imported, ArchitectureTest would fail.
    assertThat(production.stream().map(JavaClass::getName))
        .noneMatch(name -> name.startsWith(ArchitectureRulesBiteTest.FIXTURE_ROOT + "."));
  }

  private static boolean isInPackageTree(JavaClass javaClass, String packageName) {
    String name = javaClass.getPackageName();
    return name.equals(packageName) || name.startsWith(packageName + ".");
  }
}
