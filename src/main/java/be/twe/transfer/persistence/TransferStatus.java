package be.twe.transfer.persistence;

/** Where a transfer stands in VDAB's hand-over; every status but DISPATCHED is open. */
public enum TransferStatus {
    REQUESTED, ACKNOWLEDGED, DISPATCHED, RETURNED
}
