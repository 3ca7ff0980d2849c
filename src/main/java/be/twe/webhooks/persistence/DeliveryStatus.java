package be.twe.webhooks.persistence;

/** Where a webhook delivery stands. Stored by name, as the contract names it. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
