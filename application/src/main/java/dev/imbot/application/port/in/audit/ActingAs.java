package dev.imbot.application.port.in.audit;

import dev.imbot.domain.audit.Actor;
import java.util.function.Supplier;

/**
 * Incoming port: a driving adapter says who acts, and from where, for the use cases it calls in
 * {@code work} (on the calling thread); their audit entries name that actor. Outside it, the actor
 * is the service itself.
 */
public interface ActingAs {

  <T> T run(Actor actor, Supplier<T> work);
}
