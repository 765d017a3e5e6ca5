package dev.imbot.domain.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: runs a call that must be refused and hands back its {@link Rejection}. */
public final class TestRejections {

  private TestRejections() {}

  /**
   * The rejection {@code call} raises, as the rejection type the caller expects; fails the test
   * when it raises none, something else, or another type of rejection.
   */
  @SuppressWarnings("unchecked")
  public static <R extends Rejection> R rejectionOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a RejectedException").isInstanceOf(RejectedException.class);
    return (R) ((RejectedException) thrown).rejection();
  }

  /** The Bitrix24 error of the rejection {@code call} raises. */
  public static BitrixError bitrixErrorOf(ThrowingCallable call) {
    return TestRejections.<Rejection>rejectionOf(call).error();
  }
}
