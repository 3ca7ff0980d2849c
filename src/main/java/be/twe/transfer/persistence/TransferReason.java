package be.twe.transfer.persistence;

/** Why a file is transferred to VDAB. Stored by name; the contract has the same values. */
public enum TransferReason {
    MAX_DURATION_REACHED, INDICATION_SPECIALISED_GUIDANCE, INDICATION_CUSTOM_WORK, LONG_TRAINING, CLIENT_REPORTED,
    IBO_TAKEN_OVER, OTHER
}
