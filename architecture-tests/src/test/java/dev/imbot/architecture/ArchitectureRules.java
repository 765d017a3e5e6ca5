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
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The contexts inside the domain, and which others each may use. A context missing from the code
   * base (say {@code chat}, before messaging exists) is still a forbidden target for the others.
   */
  static final Map<String, Set<String>> DOMAIN_CONTEXT_USES =
      contextUses(
          "common", Set.of(),
          "rejection", Set.of("common"),
          "portal", Set.of("rejection", "common"),
          "event", Set.of("portal", "rejection", "common"),
          "bot", Set.of("portal", "event", "rejection", "common"),
          "chat", Set.of("bot", "portal", "event", "rejection", "common"),
          "command", Set.of("chat", "bot", "portal", "event", "rejection", "common"),
          "delivery", Set.of("event", "portal", "rejection", "common"));

  /**
   * The contexts of the application's ports and services, and which others each may use (besides
   * the domain contexts it may use there). Removing an application removes its bots, so portal's
   * use cases may drive bot's.
   */
  static final Map<String, Set<String>> APPLICATION_CONTEXT_USES =
      contextUses(
          "portal", Set.of("bot", "event"),
          "event", Set.of("portal"),
          "bot", Set.of("portal", "event"),
          "chat", Set.of("bot", "portal", "event"),
          "command", Set.of("chat", "bot", "portal", "event"),
          "delivery", Set.of("event", "portal"));

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  /** Every package a rule names; each must hold classes, or the rules naming it check nothing. */
  List<String> namedPackages() {
    return List.of(
        root + ".domain",
        root + ".domain.bot",
        root + ".domain.portal",
        root + ".domain.event",
        root + ".domain.rejection",
        root + ".domain.delivery",
        root + ".domain.command",
        root + ".application.port.in",
        root + ".application.port.in.bot",
        root + ".application.port.out.event",
        root + ".application.port.in.delivery",
        root + ".application.port.out.delivery",
        root + ".application.service.delivery",
        root + ".application.service.portal",
        root + ".application.port.in.command",
        root + ".application.port.out.command",
        root + ".application.service.command",
        root + ".application.port.out",
        root + ".application.service",
        root + ".adapter.rest",
        root + ".adapter.persistence",
        root + ".adapter.inmemory",
        root + ".adapter.console",
        root + ".adapter.delivery",
        root + ".bootstrap");
  }

  ArchRule onionArchitecture() {
    return Architectures.onionArchitecture()
        .domainModels(domain())
        .applicationServices(application())
        .adapter("rest", root + ".adapter.rest..")
        .adapter("persistence", root + ".adapter.persistence..")
        .adapter("inmemory", root + ".adapter.inmemory..")
        .adapter("console", root + ".adapter.console..")
        .adapter("delivery", root + ".adapter.delivery..")
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

  ArchRule deliveryAdapterUsesNoFramework() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter.delivery..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORK_PACKAGES)
        .because(
            "the worker and its HTTP sender run on the JDK alone; bootstrap starts and stops them");
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
        .and()
        .areNotNestedClasses()
        .should()
        .beInterfaces()
        .because(
            "adapters implement outgoing ports; only the exceptions they raise and the values nested in"
                + " a port are classes");
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

  /**
   * The domain's contexts use only the contexts {@link #DOMAIN_CONTEXT_USES} allows them: for
   * example {@code bot} may use {@code event} and {@code portal}, but never {@code chat} or {@code
   * delivery}, and {@code portal} uses no other context but the shared {@code rejection}.
   */
  ArchRule domainContextsUseOnlyTheirAllowedContexts() {
    return contextRule(
        "domain",
        List.of(root + ".domain.%s.."),
        DOMAIN_CONTEXT_USES,
        context -> allowedDomainContexts(context, DOMAIN_CONTEXT_USES.get(context)));
  }

  /**
   * The application's contexts ({@code port.in.<context>}, {@code port.out.<context>}, {@code
   * service.<context>}) use only the application contexts {@link #APPLICATION_CONTEXT_USES} allows
   * them, and only the domain contexts those may use.
   */
  ArchRule applicationContextsUseOnlyTheirAllowedContexts() {
    Map<String, Set<String>> uses = APPLICATION_CONTEXT_USES;
    return contextRule(
        "application",
        List.of(
            root + ".application.port.in.%s..",
            root + ".application.port.out.%s..",
            root + ".application.service.%s.."),
        uses,
        context -> {
          Set<String> domain = new java.util.HashSet<>(allowedDomainContexts(context, Set.of()));
          domain.addAll(uses.get(context));
          for (String used : uses.get(context)) {
            domain.addAll(DOMAIN_CONTEXT_USES.getOrDefault(used, Set.of()));
          }
          return domain;
        });
  }

  private Set<String> allowedDomainContexts(String context, Set<String> direct) {
    Set<String> allowed = new java.util.HashSet<>(direct);
    allowed.add(context);
    allowed.addAll(DOMAIN_CONTEXT_USES.getOrDefault(context, Set.of()));
    return allowed;
  }

  private ArchRule contextRule(
      String ring,
      List<String> sourcePatterns,
      Map<String, Set<String>> uses,
      java.util.function.Function<String, Set<String>> allowedDomain) {
    List<ArchRule> rules = new ArrayList<>();
    for (String context : uses.keySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : DOMAIN_CONTEXT_USES.keySet()) {
        if (!allowedDomain.apply(context).contains(other)) {
          forbidden.add(root + ".domain." + other + "..");
        }
      }
      if (ring.equals("application")) {
        for (String other : uses.keySet()) {
          if (!other.equals(context) && !uses.get(context).contains(other)) {
            for (String pattern : List.of("port.in", "port.out", "service")) {
              forbidden.add(root + ".application." + pattern + "." + other + "..");
            }
          }
        }
      }
      String[] sources =
          sourcePatterns.stream().map(p -> String.format(p, context)).toArray(String[]::new);
      rules.add(
          noClasses()
              .that()
              .resideInAnyPackage(sources)
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden.toArray(String[]::new))
              .allowEmptyShould(true)
              .because(
                  "the " + ring + "'s " + context + " context uses only " + uses.get(context)));
    }
    CompositeArchRule composite = CompositeArchRule.of(rules.get(0));
    for (ArchRule rule : rules.subList(1, rules.size())) {
      composite = composite.and(rule);
    }
    return composite;
  }

  /** The domain's contexts form no cycle, whatever the allowed uses say. */
  ArchRule domainContextsAreFreeOfCycles() {
    return slices().matching(root + ".domain.(*)..").should().beFreeOfCycles();
  }

  private static Map<String, Set<String>> contextUses(Object... pairs) {
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> used = (Set<String>) pairs[i + 1];
      uses.put((String) pairs[i], used);
    }
    return uses;
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
