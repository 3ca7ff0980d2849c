package be.twe.imports.service;

import java.util.UUID;

/** What a line's call did: its status (201 created, 200 unchanged or changed) and the record. */
public record LineOutcome(int httpStatus, String resourceType, UUID resourceId, String path) {
}
