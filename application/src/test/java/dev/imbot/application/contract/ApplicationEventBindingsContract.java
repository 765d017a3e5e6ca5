package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import org.junit.jupiter.api.Test;

/**
 * Contract of the outgoing port {@link ApplicationEventBindings} ({@code event.bind} of application
 * events), run against every adapter: several handlers per event, each binding with its own id;
 * binding a handler again answers its binding; unbinding and removal take exactly what they name.
 */
public abstract class ApplicationEventBindingsContract extends PortalContract {
  private static final String HANDLER = "https://bots.example.com/install.php";
  private static final String SECOND = "https://bots.example.com/audit.php";

  private ApplicationEventBindings bindings() {
    return portal.eventBindings();
  }

  @Test
  void givenNewHandler_bind_answersAPositiveIdAndTheBindingAsGiven() {
    ApplicationEventBinding bound = bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 7);

    assertThat(bound.id()).isPositive();
    assertThat(bound)
        .isEqualTo(
            new ApplicationEventBinding(
                bound.id(), APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 7));
    assertThat(bindings().of(APP)).containsExactly(bound);
  }

  @Test
  void givenBoundHandler_bindAgain_answersTheSameBindingAndKeepsOne() {
    ApplicationEventBinding first = bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);

    ApplicationEventBinding again = bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);

    assertThat(again).isEqualTo(first);
    assertThat(bindings().of(APP)).containsExactly(first);
  }

  @Test
  void givenTwoHandlersOfOneEventAndAnotherEvent_of_listsEveryBindingInIdOrder() {
    ApplicationEventBinding install =
        bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);
    ApplicationEventBinding second = bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, SECOND, 0);
    ApplicationEventBinding update = bindings().bind(APP, ApplicationEvent.ONAPPUPDATE, HANDLER, 0);
    ApplicationEventBinding elsewhere =
        bindings().bind(OTHER_APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);

    assertThat(bindings().of(APP)).containsExactly(install, second, update);
    assertThat(bindings().of(OTHER_APP)).containsExactly(elsewhere);
    assertThat(elsewhere.id()).isNotIn(install.id(), second.id(), update.id());
  }

  @Test
  void givenTwoHandlersOfAnEvent_unbindOneHandler_removesThatHandlerOnly() {
    bindings().bind(APP, ApplicationEvent.ONAPPUNINSTALL, HANDLER, 0);
    ApplicationEventBinding kept = bindings().bind(APP, ApplicationEvent.ONAPPUNINSTALL, SECOND, 0);

    int removed = bindings().unbind(APP, ApplicationEvent.ONAPPUNINSTALL, HANDLER);

    assertThat(removed).isEqualTo(1);
    assertThat(bindings().of(APP)).containsExactly(kept);
    assertThat(bindings().unbind(APP, ApplicationEvent.ONAPPUNINSTALL, HANDLER)).isZero();
  }

  @Test
  void givenHandlersOfTwoEvents_unbindWithoutHandler_removesEveryHandlerOfThatEventOnly() {
    bindings().bind(APP, ApplicationEvent.ONAPPUNINSTALL, HANDLER, 0);
    bindings().bind(APP, ApplicationEvent.ONAPPUNINSTALL, SECOND, 0);
    ApplicationEventBinding kept = bindings().bind(APP, ApplicationEvent.ONAPPUPDATE, HANDLER, 0);
    ApplicationEventBinding elsewhere =
        bindings().bind(OTHER_APP, ApplicationEvent.ONAPPUNINSTALL, HANDLER, 0);

    int removed = bindings().unbind(APP, ApplicationEvent.ONAPPUNINSTALL, null);

    assertThat(removed).isEqualTo(2);
    assertThat(bindings().of(APP)).containsExactly(kept);
    assertThat(bindings().of(OTHER_APP)).containsExactly(elsewhere);
  }

  @Test
  void givenBindingsOfTwoApplications_removeAll_removesTheOneApplicationsOnly() {
    bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);
    bindings().bind(APP, ApplicationEvent.ONAPPUPDATE, SECOND, 0);
    ApplicationEventBinding kept =
        bindings().bind(OTHER_APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);

    bindings().removeAll(APP);

    assertThat(bindings().of(APP)).isEmpty();
    assertThat(bindings().of(OTHER_APP)).containsExactly(kept);
  }

  @Test
  void givenBindingMadeInAUnitOfWorkThatFails_of_doesNotListIt() {
    try {
      inUnitOfWork(
          (Runnable)
              () -> {
                bindings().bind(APP, ApplicationEvent.ONAPPINSTALL, HANDLER, 0);
                throw new IllegalStateException("the unit of work fails");
              });
    } catch (IllegalStateException expected) {
      // the unit of work rolled back
    }

    assertThat(bindings().of(APP)).isEmpty();
  }
}
