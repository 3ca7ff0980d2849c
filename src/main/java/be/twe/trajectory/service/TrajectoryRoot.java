package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.UUID;

import be.twe.trajectory.persistence.TrajectoryEntity;

/**
 * A trajectory as its parts (instruments, transfers, documents, helpdesk requests, the import)
 * see it: a value read in the caller's transaction. The parts ask the trajectory's service for it
 * and for any change; they never hold its entity (docs/architecture.md).
 */
public record TrajectoryRoot(UUID id, String ocmwId, UUID coachId, LocalDate startDate, LocalDate plannedEndDate,
                             LocalDate endDate, EndReason endReason, String endAdvice) {

    public boolean isOpen() {
        return endDate == null;
    }

    /** The last day a part may run: the end, or the planned end while open. */
    public LocalDate lastDay() {
        return endDate != null ? endDate : plannedEndDate;
    }

    static TrajectoryRoot of(TrajectoryEntity t) {
        return new TrajectoryRoot(t.id, t.ocmwId, t.coachId, t.startDate, t.plannedEndDate, t.endDate, t.endReason,
                t.endAdvice);
    }
}
