package be.twe.trajectory.service;

/**
 * Why a trajectory ended. Stored by name, and the contract has the same values; it is part of the
 * trajectory service's vocabulary (a transfer ends a trajectory with one), hence not in persistence.
 */
public enum EndReason {
    WORK_NEC, MAX_DURATION_REACHED, INDICATION_SPECIALISED_GUIDANCE, INDICATION_CUSTOM_WORK, LONG_TRAINING,
    STOPPED_EARLY
}
