package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.command.AnswerCommandCommand;
import dev.imbot.application.port.in.command.AnswerCommandUseCase;
import dev.imbot.application.port.in.command.CommandAnswer;
import jakarta.inject.Singleton;

/**
 * REST method {@code imbot.command.answer}: answers the posted message's id, or {@code true} when
 * the answer window had closed and nothing was posted.
 */
@Singleton
public final class ImbotCommandAnswerMethod implements BitrixMethod {
  private final AnswerCommandUseCase answer;

  public ImbotCommandAnswerMethod(AnswerCommandUseCase answer) {
    this.answer = answer;
  }

  @Override
  public String name() {
    return "imbot.command.answer";
  }

  @Override
  public MethodResult call(BitrixCall call) {
    CommandAnswer answered =
        answer.answer(
            new AnswerCommandCommand(
                call.application(),
                ChatParameters.text(call, "COMMAND_ID"),
                ChatParameters.text(call, "COMMAND"),
                ChatParameters.intval(ChatParameters.text(call, "MESSAGE_ID")),
                ChatParameters.text(call, "MESSAGE"),
                ChatParameters.extra(call, "ATTACH"),
                ChatParameters.extra(call, "KEYBOARD"),
                ChatParameters.extra(call, "MENU"),
                ChatParameters.flag(call, "SYSTEM", false),
                ChatParameters.flag(call, "URL_PREVIEW", true)));
    return MethodResult.of(answered.posted().<Object>map(id -> id.value()).orElse(Boolean.TRUE));
  }
}
