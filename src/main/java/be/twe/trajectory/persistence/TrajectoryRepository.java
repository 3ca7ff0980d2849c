package be.twe.trajectory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrajectoryRepository implements PanacheRepositoryBase<TrajectoryEntity, UUID> {

    public record Criteria(String ocmwId, String nisCode, Boolean open, LocalDate startFrom, LocalDate startTo,
                           OffsetDateTime modifiedSince) {
    }

    /** The caller-visible trajectory an organisation registered under its own reference. */
    public Optional<TrajectoryEntity> byReference(String registeredBy, String externalReference) {
        return find("registeredBy = ?1 and externalReference = ?2", registeredBy, externalReference)
                .firstResultOptional();
    }
}
