package be.twe.instrument.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Keyset;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<InstrumentEntity, UUID> {

    public List<InstrumentEntity> ofTrajectory(UUID trajectoryId) {
        return find("trajectoryId = ?1 order by startDate, id", trajectoryId).list();
    }

    /** The caller-visible instrument an organisation registered under its own reference. */
    public Optional<InstrumentEntity> byReference(String registeredBy, String externalReference) {
        return find("registeredBy = ?1 and externalReference = ?2", registeredBy, externalReference)
                .firstResultOptional();
    }

    /** One page of a trajectory's instruments, by start date and id. */
    public List<InstrumentEntity> ofTrajectory(UUID trajectoryId, Keyset<LocalDate> after, int fetch) {
        Query q = new Query().and("i.trajectoryId = :trajectoryId", "trajectoryId", trajectoryId);
        Keyset.restrict(q, after, "i", "startDate");
        return find("from InstrumentEntity i where " + q.where() + " order by i.startDate, i.id", q.parameters())
                .page(0, fetch).list();
    }

    public List<InstrumentEntity> ofTrajectories(Collection<UUID> trajectoryIds) {
        return trajectoryIds.isEmpty() ? List.of()
                : find("trajectoryId in ?1 order by startDate", trajectoryIds).list();
    }

    /** Another instrument of the trajectory running on any day of [from, to]. */
    public Optional<InstrumentEntity> overlapping(UUID trajectoryId, LocalDate from, LocalDate to, UUID except) {
        return find("trajectoryId = ?1 and startDate <= ?3 and coalesce(endDate, plannedEndDate) >= ?2 and id <> ?4",
                trajectoryId, from, to, except == null ? new UUID(0, 0) : except).firstResultOptional();
    }

    public Optional<InstrumentEntity> technicalTraining(UUID trajectoryId) {
        return find("trajectoryId = ?1 and type = 'TRAINING' and trainingTechnical = true", trajectoryId)
                .firstResultOptional();
    }

    public Optional<MaxDurationEntity> maxDuration(String kind, LocalDate on) {
        return getEntityManager().createQuery("from MaxDurationEntity d where d.kind = :kind and d.validFrom <= :on "
                        + "and (d.validTo is null or d.validTo >= :on)", MaxDurationEntity.class)
                .setParameter("kind", kind).setParameter("on", on).getResultStream().findFirst();
    }
}
