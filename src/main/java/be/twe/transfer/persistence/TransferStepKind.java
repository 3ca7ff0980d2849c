package be.twe.transfer.persistence;

/** A step of a transfer's hand-over. Stored by name, as the contract names it. */
public enum TransferStepKind {
    REQUESTED, ACKNOWLEDGED, DISPATCHED, RETURNED, ANSWERED
}
