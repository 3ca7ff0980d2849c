package be.twe.imports.service;

import java.util.UUID;

/** What a line's call did: its status (201 created, 200 unchanged or changed) and the record. */
public record LineOutcome(int httpStatus, String resourceType, UUID resourceId, String path) {

    public static LineOutcome trajectory(UUID id, boolean created) {
        return new LineOutcome(created ? 201 : 200, "trajectory", id, "/trajectories/" + id);
    }

    public static LineOutcome instrument(UUID trajectoryId, UUID id, boolean created) {
        return new LineOutcome(created ? 201 : 200, "instrument", id,
                "/trajectories/" + trajectoryId + "/instruments/" + id);
    }
}
