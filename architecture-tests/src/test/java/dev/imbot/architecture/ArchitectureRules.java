package dev.imbot.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasType.Predicates.rawType;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.List;

/**
 * The architecture rules, for a code base whose packages follow our layout under {@code root}.
 * {@link ArchitectureTest} applies them to {@code dev.imbot}; {@link ArchitectureRulesBiteTest}
 * aims the very same rules at deliberately broken fixtures to prove they fail.
 */
final class ArchitectureRules {

  /**
   * Packages of frameworks that must stay out of the core: dependency injection, transactions and
   * persistence belong to the adapters and to {@code bootstrap}.
   */
  private static final String[] FRAMEWORK_PACKAGES = {
    "io.micronaut..",
    "jakarta.inject..",
    "javax.inject..",
    "jakarta.enterprise..",
    "jakarta.transaction..",
    "javax.transaction..",
    "jakarta.persistence..",
    "javax.persistence..",
    "org.springframework.."
  };

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  /** Every package a rule names; each must hold classes, or the rules naming it check nothing. */
  List<String> namedPackages() {
    return List.of(
        root + ".domain",
        root + ".application.port.in",
        root + ".application.port.out",
        root + ".application.service",
        root + ".adapter.rest",
        root + ".adapter.persistence",
        root + ".adapter.inmemory",
        root + ".bootstrap");
  }

  ArchRule onionArchitecture() {
    return Architectures.onionArchitecture()
        .domainModels(domain())
        .applicationServices(application())
        .adapter("rest", root + ".adapter.rest..")
        .adapter("persistence", root + ".adapter.persistence..")
        .adapter("inmemory", root + ".adapter.inmemory..")
        // We have no domain-service layer (policies live with the model), and the onion rule
        // reports any empty layer. ArchitecturePackagesTest checks the layers we do have.
        .withOptionalLayers(true)
        // The composition root wires every layer, and nothing may depend on it (see
        // onlyBootstrapDependsOnBootstrap), so ignoring what it depends on hides nothing.
        .ignoreDependency(resideInAPackage(bootstrap()), alwaysTrue())
        // A class in a new package outside the onion would escape every layer check.
        .ensureAllClassesAreContainedInArchitectureIgnoring(bootstrap());
  }

  ArchRule domainDependsOnlyOnJavaAndItself() {
    return classes()
        .that()
        .resideInAPackage(domain())
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", domain())
        .because("the domain has no compile dependencies: no framework, no Bean Validation");
  }

  ArchRule applicationDependsOnlyOnJavaDomainAndBeanValidation() {
    return classes()
        .that()
        .resideInAPackage(application())
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", domain(), application(), "jakarta.validation..", "org.hibernate.validator..")
        .because(
            "the application is framework-free; commands validate themselves with Bean Validation");
  }

  ArchRule domainAndApplicationUseNoFramework() {
    return noClasses()
        .that()
        .resideInAnyPackage(domain(), application())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORK_PACKAGES)
        .because("bootstrap wires the core from outside; the core must run without a container");
  }

  ArchRule inMemoryAdapterUsesNoFramework() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter.inmemory..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORK_PACKAGES)
        .because("embedders take the in-memory ports as a plain jar, without a container");
  }

  ArchRule servicesAreNotFrameworkAnnotated() {
    return noClasses()
        .that()
        .resideInAPackage(services())
        .should()
        .beMetaAnnotatedWith(rawType(resideInAnyPackage(FRAMEWORK_PACKAGES)))
        .because("services are plain classes; bootstrap builds them in a @Factory");
  }

  ArchRule serviceMembersAreNotFrameworkAnnotated() {
    return noMembers()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(services())
        .should()
        .beMetaAnnotatedWith(rawType(resideInAnyPackage(FRAMEWORK_PACKAGES)))
        .because("services use plain constructor injection and no @Transactional");
  }

  ArchRule portsDoNotDependOnServices() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".application.port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(services())
        .because("services implement the ports, not the other way round");
  }

  ArchRule incomingPortsDoNotDependOnOutgoingPorts() {
    return noClasses()
        .that()
        .resideInAPackage(incomingPorts())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(outgoingPorts())
        .because("what drives the application does not see what the application drives");
  }

  ArchRule outgoingPortsDoNotDependOnIncomingPorts() {
    return noClasses()
        .that()
        .resideInAPackage(outgoingPorts())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(incomingPorts())
        .because("outgoing ports speak domain types, not use-case commands or results");
  }

  ArchRule outgoingPortsAreInterfaces() {
    return classes()
        .that()
        .resideInAPackage(outgoingPorts())
        .and()
        .areNotAssignableTo(Throwable.class)
        .should()
        .beInterfaces()
        .because("adapters implement outgoing ports; only the exceptions they raise are classes");
  }

  ArchRule useCasesAreInterfaces() {
    return classes()
        .that()
        .resideInAPackage(incomingPorts())
        .and()
        .haveSimpleNameEndingWith("UseCase")
        .should()
        .beInterfaces()
        .because("services implement use cases and adapters call them through the interface");
  }

  ArchRule commandsAndQueriesAreRecords() {
    return classes()
        .that(
            resideInAPackage(incomingPorts())
                .and(simpleNameEndingWith("Command").or(simpleNameEndingWith("Query"))))
        .should()
        .beRecords()
        .because("a command or query is an immutable value that validates itself on construction");
  }

  ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .matching(root + ".adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .because("adapters meet only through the application's ports");
  }

  ArchRule onlyBootstrapDependsOnBootstrap() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(bootstrap())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(bootstrap())
        .because("bootstrap is the composition root: it sees everything and nothing sees it");
  }

  private String domain() {
    return root + ".domain..";
  }

  private String application() {
    return root + ".application..";
  }

  private String incomingPorts() {
    return root + ".application.port.in..";
  }

  private String outgoingPorts() {
    return root + ".application.port.out..";
  }

  private String services() {
    return root + ".application.service..";
  }

  private String bootstrap() {
    return root + ".bootstrap..";
  }
}
