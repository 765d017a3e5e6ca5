package dev.imbot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.imbot.architecture.fixture.adapter.console.ThingPage;
import dev.imbot.architecture.fixture.adapter.delivery.ThingWorker;
import dev.imbot.architecture.fixture.adapter.inmemory.CachingThings;
import dev.imbot.architecture.fixture.adapter.persistence.ThingRepository;
import dev.imbot.architecture.fixture.adapter.rest.ThingController;
import dev.imbot.architecture.fixture.adapter.rest.WiringAwareController;
import dev.imbot.architecture.fixture.application.port.in.RenameThingCommand;
import dev.imbot.architecture.fixture.application.port.in.RenameThingUseCase;
import dev.imbot.architecture.fixture.application.port.in.ServiceReturningUseCase;
import dev.imbot.architecture.fixture.application.port.out.ThingConflictException;
import dev.imbot.architecture.fixture.application.port.out.Things;
import dev.imbot.architecture.fixture.application.service.InjectedService;
import dev.imbot.architecture.fixture.application.service.SingletonService;
import dev.imbot.architecture.fixture.application.service.bot.BotChore;
import dev.imbot.architecture.fixture.application.service.event.BotDrivingDispatcher;
import dev.imbot.architecture.fixture.bootstrap.Wiring;
import dev.imbot.architecture.fixture.domain.ServiceCallingPolicy;
import dev.imbot.architecture.fixture.domain.ValidatedName;
import dev.imbot.architecture.fixture.domain.bot.BotThing;
import dev.imbot.architecture.fixture.domain.portal.BotAwareUser;
import dev.imbot.architecture.fixture.util.Strings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Negative tests: the rules of {@link ArchitectureTest}, built by the same {@link
 * ArchitectureRules} but rooted at the fixture package, fail on classes that break them. Each test
 * also checks the report names the offending class, so a rule cannot pass here by failing for an
 * unrelated reason.
 */
class ArchitectureRulesBiteTest {

  static final String FIXTURE_ROOT = "dev.imbot.architecture.fixture";

  private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE_ROOT);

  @Test
  void givenADomainValueUsingBeanValidation_checkingDomainPurity_reportsIt() {
    assertViolation(RULES.domainDependsOnlyOnJavaAndItself(), ValidatedName.class);
  }

  @Test
  void givenAServiceAnnotatedSingleton_checkingServiceAnnotations_reportsIt() {
    assertViolation(RULES.servicesAreNotFrameworkAnnotated(), SingletonService.class);
  }

  @Test
  void givenAServiceWithAnInjectConstructor_checkingServiceMemberAnnotations_reportsIt() {
    assertViolation(RULES.serviceMembersAreNotFrameworkAnnotated(), InjectedService.class);
  }

  @Test
  void givenAServiceAnnotatedSingleton_checkingFrameworkUse_reportsIt() {
    assertViolation(RULES.domainAndApplicationUseNoFramework(), SingletonService.class);
  }

  @Test
  void givenAServiceAnnotatedSingleton_checkingApplicationDependencies_reportsIt() {
    assertViolation(
        RULES.applicationDependsOnlyOnJavaDomainAndBeanValidation(), SingletonService.class);
  }

  @Test
  void givenAnIncomingPortReturningAService_checkingPortDependencies_reportsIt() {
    assertViolation(RULES.portsDoNotDependOnServices(), ServiceReturningUseCase.class);
  }

  @Test
  void givenAUseCaseUsingAnOutgoingPort_checkingIncomingPortDependencies_reportsIt() {
    assertViolation(RULES.incomingPortsDoNotDependOnOutgoingPorts(), RenameThingUseCase.class);
  }

  @Test
  void givenAnAbstractClassUseCase_checkingUseCaseShape_reportsIt() {
    assertViolation(RULES.useCasesAreInterfaces(), RenameThingUseCase.class);
  }

  @Test
  void givenACommandClass_checkingCommandShape_reportsIt() {
    assertViolation(RULES.commandsAndQueriesAreRecords(), RenameThingCommand.class);
  }

  @Test
  void givenAnAbstractClassOutgoingPort_checkingOutgoingPortShape_reportsItButNotTheException() {
    EvaluationResult result =
        evaluate(RULES.outgoingPortsAreInterfaces(), Things.class, ThingConflictException.class);

    assertThat(result.hasViolation()).isTrue();
    assertThat(details(result))
        .anyMatch(line -> line.contains(Things.class.getName()))
        .noneMatch(line -> line.contains(ThingConflictException.class.getName()));
  }

  @Test
  void givenARestAdapterUsingThePersistenceAdapter_checkingAdapterIsolation_reportsIt() {
    assertViolation(
        RULES.adaptersDoNotDependOnEachOther(), ThingController.class, ThingRepository.class);
  }

  @Test
  void givenThePortalContextUsingTheBotContext_checkingDomainContexts_reportsIt() {
    assertViolation(
        RULES.domainContextsUseOnlyTheirAllowedContexts(), BotAwareUser.class, BotThing.class);
  }

  @Test
  void givenTheBotContextUsingOnlyItself_checkingDomainContexts_acceptsIt() {
    EvaluationResult result =
        evaluate(RULES.domainContextsUseOnlyTheirAllowedContexts(), BotThing.class);

    assertThat(result.hasViolation()).isFalse();
  }

  @Test
  void givenTheEventContextDrivingTheBotContext_checkingApplicationContexts_reportsIt() {
    assertViolation(
        RULES.applicationContextsUseOnlyTheirAllowedContexts(),
        BotDrivingDispatcher.class,
        BotChore.class);
  }

  @Test
  void givenAnInMemoryAdapterUsingThePersistenceAdapter_checkingAdapterIsolation_reportsIt() {
    assertViolation(
        RULES.adaptersDoNotDependOnEachOther(), CachingThings.class, ThingRepository.class);
  }

  @Test
  void givenAnInMemoryAdapterUsingThePersistenceAdapter_checkingTheOnion_reportsIt() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    assertThat(details(result))
        .anyMatch(
            line ->
                origin(line).startsWith(CachingThings.class.getName())
                    && line.contains(ThingRepository.class.getName()));
  }

  @Test
  void givenAConsoleCallingTheRestAdapter_checkingAdapterIsolation_reportsIt() {
    assertViolation(RULES.adaptersDoNotDependOnEachOther(), ThingPage.class, ThingController.class);
  }

  @Test
  void givenAConsoleCallingTheRestAdapter_checkingTheOnion_reportsIt() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    assertThat(details(result))
        .anyMatch(
            line ->
                origin(line).startsWith(ThingPage.class.getName())
                    && line.contains(ThingController.class.getName()));
  }

  @Test
  void givenAnInMemoryAdapterAnnotatedSingleton_checkingItsFrameworkUse_reportsIt() {
    assertViolation(RULES.inMemoryAdapterUsesNoFramework(), CachingThings.class);
  }

  @Test
  void givenADeliveryWorkerUsingTheRestAdapter_checkingAdapterIsolation_reportsIt() {
    assertViolation(
        RULES.adaptersDoNotDependOnEachOther(), ThingWorker.class, ThingController.class);
  }

  @Test
  void givenADeliveryWorkerUsingTheRestAdapter_checkingTheOnion_reportsIt() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    assertThat(details(result))
        .anyMatch(
            line ->
                origin(line).startsWith(ThingWorker.class.getName())
                    && line.contains(ThingController.class.getName()));
  }

  @Test
  void givenADeliveryWorkerAnnotatedSingleton_checkingItsFrameworkUse_reportsIt() {
    assertViolation(RULES.deliveryAdapterUsesNoFramework(), ThingWorker.class);
  }

  @Test
  void givenAnAdapterUsingBootstrap_checkingBootstrapIsolation_reportsIt() {
    assertViolation(RULES.onlyBootstrapDependsOnBootstrap(), WiringAwareController.class);
  }

  @Test
  void givenTheDomainUsingAServiceAndAnAdapterUsingAnother_checkingTheOnion_reportsBoth() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    assertThat(result.hasViolation()).isTrue();
    assertThat(details(result))
        .anyMatch(line -> line.contains(ServiceCallingPolicy.class.getName()))
        .anyMatch(line -> line.contains(ThingController.class.getName()));
  }

  @Test
  void givenAClassOutsideEveryLayer_checkingTheOnion_reportsIt() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    assertThat(details(result))
        .anyMatch(line -> line.contains(Strings.class.getName() + "> is not contained"));
  }

  @Test
  void givenBootstrapWiringAnAdapter_checkingTheOnion_acceptsIt() {
    EvaluationResult result = RULES.onionArchitecture().evaluate(allFixtures());

    // Without the rule's exemption, Wiring's use of ThingController would be reported here.
    assertThat(details(result))
        .isNotEmpty()
        .noneMatch(line -> origin(line).startsWith(Wiring.class.getName()));
  }

  /** The offender is the first class; the others are imported so the rule can see both ends. */
  private static void assertViolation(ArchRule rule, Class<?> offender, Class<?>... others) {
    Class<?>[] classes = new Class<?>[others.length + 1];
    classes[0] = offender;
    System.arraycopy(others, 0, classes, 1, others.length);

    EvaluationResult result = evaluate(rule, classes);

    assertThat(result.hasViolation()).as("%s violated", rule.getDescription()).isTrue();
    assertThat(details(result)).anyMatch(line -> line.contains(offender.getName()));
  }

  private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
    return rule.evaluate(new ClassFileImporter().importClasses(classes));
  }

  private static JavaClasses allFixtures() {
    return new ClassFileImporter().importPackages(FIXTURE_ROOT);
  }

  /** The code unit, field or class a violation line starts with: the dependency's origin. */
  private static String origin(String line) {
    int start = line.indexOf('<');
    return start < 0 ? "" : line.substring(start + 1, line.indexOf('>', start));
  }

  private static List<String> details(EvaluationResult result) {
    return result.getFailureReport().getDetails();
  }
}
