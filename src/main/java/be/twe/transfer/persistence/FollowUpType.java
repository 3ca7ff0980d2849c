package be.twe.transfer.persistence;

/** What VDAB did with a transferred file. Stored by name; the contract has the same values. */
public enum FollowUpType {
    LONG_TRAINING, GUIDANCE, SPECIALISED_GUIDANCE, CUSTOM_WORK, WORK, OTHER, TRANSMISSION
}
