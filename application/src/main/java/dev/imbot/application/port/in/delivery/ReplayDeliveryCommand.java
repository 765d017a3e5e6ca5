package dev.imbot.application.port.in.delivery;

/** Command: start the delivery with this id over. */
public record ReplayDeliveryCommand(long deliveryId) {}
