package be.twe.helpdesk.persistence;

/** Where a helpdesk request stands: open, or how it was answered. Stored by name, as the contract names it. */
public enum HelpdeskRequestStatus {
    OPEN, FULFILLED, ANSWERED, REFUSED
}
