package be.twe.transfer.persistence;

/** How a transfer reaches VDAB. Stored by name; the contract has the same values. */
public enum TransferChannel {
    VEO, SPOC_NOTE, VDAB_MONITORING, SERVICE_LINE
}
