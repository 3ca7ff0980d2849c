package be.twe.trajectory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrajectoryRepository implements PanacheRepositoryBase<TrajectoryEntity, UUID> {

    public record Criteria(String ocmwId, String nisCode, Boolean open, LocalDate startFrom, LocalDate startTo,
                           OffsetDateTime modifiedSince) {
    }

    public List<TrajectoryEntity> list(Criteria c, UUID afterId, int fetch) {
        Query q = new Query()
                .and("t.ocmwId = :ocmwId", "ocmwId", c.ocmwId())
                .and("t.ocmwId in (select o.id from OrganisationEntity o where o.nisCode = :nisCode)", "nisCode", c.nisCode())
                .and("t.startDate >= :startFrom", "startFrom", c.startFrom())
                .and("t.startDate <= :startTo", "startTo", c.startTo())
                .and("t.updatedAt >= :modifiedSince", "modifiedSince", c.modifiedSince())
                .and("t.id > :afterId", "afterId", afterId);
        String status = c.open() == null ? "" : c.open() ? " and t.endDate is null" : " and t.endDate is not null";
        return find("from TrajectoryEntity t join fetch t.client where " + q.where() + status + " order by t.id",
                q.parameters()).page(0, fetch).list();
    }

    /** The caller-visible trajectory an organisation registered under its own reference. */
    public Optional<TrajectoryEntity> byReference(String registeredBy, String externalReference) {
        return find("registeredBy = ?1 and externalReference = ?2", registeredBy, externalReference)
                .firstResultOptional();
    }
}
