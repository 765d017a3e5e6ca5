package dev.imbot.adapter.rest;

/** A Bitrix REST method, e.g. {@code imbot.register}: reads parameters, calls a use case. */
public interface BitrixMethod {

  /** The method's name, lower case, e.g. {@code imbot.register}. */
  String name();

  /**
   * Runs the method. Rejections are thrown as the domain's {@code RejectedException}; the transport
   * maps them to Bitrix errors in one place ({@link BitrixErrors}).
   */
  MethodResult call(BitrixCall call);
}
