package dev.imbot.application.port.in.delivery;

/** Query: the delivery with this id. */
public record ShowDeliveryQuery(long deliveryId) {}
