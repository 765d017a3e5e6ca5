package dev.imbot.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture test: the hexagon's rules over the production classes of every module. Each rule
 * fails when it finds no class to check (ArchUnit's default), and {@link ArchitecturePackagesTest}
 * says which named package is empty.
 */
@AnalyzeClasses(
    packages = ArchitectureTest.ROOT,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String ROOT = "dev.imbot";

  private static final ArchitectureRules RULES = new ArchitectureRules(ROOT);

  @ArchTest static final ArchRule onion_architecture = RULES.onionArchitecture();

  @ArchTest
  static final ArchRule domain_depends_only_on_java_and_itself =
      RULES.domainDependsOnlyOnJavaAndItself();

  @ArchTest
  static final ArchRule application_depends_only_on_java_domain_and_bean_validation =
      RULES.applicationDependsOnlyOnJavaDomainAndBeanValidation();

  @ArchTest
  static final ArchRule domain_and_application_use_no_framework =
      RULES.domainAndApplicationUseNoFramework();

  @ArchTest
  static final ArchRule in_memory_adapter_uses_no_framework =
      RULES.inMemoryAdapterUsesNoFramework();

  @ArchTest
  static final ArchRule delivery_adapter_uses_no_framework = RULES.deliveryAdapterUsesNoFramework();

  @ArchTest
  static final ArchRule services_are_not_framework_annotated =
      RULES.servicesAreNotFrameworkAnnotated();

  @ArchTest
  static final ArchRule service_members_are_not_framework_annotated =
      RULES.serviceMembersAreNotFrameworkAnnotated();

  @ArchTest
  static final ArchRule ports_do_not_depend_on_services = RULES.portsDoNotDependOnServices();

  @ArchTest
  static final ArchRule incoming_ports_do_not_depend_on_outgoing_ports =
      RULES.incomingPortsDoNotDependOnOutgoingPorts();

  @ArchTest
  static final ArchRule outgoing_ports_do_not_depend_on_incoming_ports =
      RULES.outgoingPortsDoNotDependOnIncomingPorts();

  @ArchTest
  static final ArchRule outgoing_ports_are_interfaces = RULES.outgoingPortsAreInterfaces();

  @ArchTest static final ArchRule use_cases_are_interfaces = RULES.useCasesAreInterfaces();

  @ArchTest
  static final ArchRule commands_and_queries_are_records = RULES.commandsAndQueriesAreRecords();

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      RULES.adaptersDoNotDependOnEachOther();

  @ArchTest
  static final ArchRule domain_contexts_use_only_their_allowed_contexts =
      RULES.domainContextsUseOnlyTheirAllowedContexts();

  @ArchTest
  static final ArchRule application_contexts_use_only_their_allowed_contexts =
      RULES.applicationContextsUseOnlyTheirAllowedContexts();

  @ArchTest
  static final ArchRule domain_contexts_are_free_of_cycles = RULES.domainContextsAreFreeOfCycles();

  @ArchTest
  static final ArchRule only_bootstrap_depends_on_bootstrap =
      RULES.onlyBootstrapDependsOnBootstrap();
}
