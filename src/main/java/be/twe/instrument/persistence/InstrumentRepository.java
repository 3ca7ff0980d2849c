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

    /** The dates and type of an instrument, what the yearly target needs of it. */
    public record Dates(UUID trajectoryId, InstrumentType type, LocalDate start, LocalDate effectiveEnd) {
    }

    /**
     * The instruments' dates of trajectories the caller already read, in one native query (an HQL
     * query under the former tenancy filters was translated again at every call, issue 20).
     */
    public List<Dates> datesOf(Collection<UUID> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = getEntityManager().createNativeQuery("""
                select trajectory_id, type, start_date, coalesce(end_date, planned_end_date)
                from instrument where trajectory_id = any(?1) order by start_date""")
                .setParameter(1, trajectoryIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Dates((UUID) r[0],
                InstrumentType.valueOf((String) r[1]), date(r[2]), date(r[3]))).toList();
    }

    private static LocalDate date(Object column) {
        return column instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) column;
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
