package be.twe.instrument.persistence;

/** How an instrument ended. Stored by name; the contract has the same values. */
public enum InstrumentOutcome {
    COMPLETED, STOPPED_EARLY, TAKEN_OVER_BY_VDAB
}
