package be.twe.instrument.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.paging.Keyset;
import be.twe.common.persistence.Rows;
import be.twe.common.persistence.TransactionStatements;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<InstrumentEntity, UUID> {
    @Inject
    TransactionStatements statements;

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
    public record Dates(InstrumentType type, LocalDate start, LocalDate effectiveEnd) {
    }

    /**
     * The instruments' dates of a trajectory the caller already read, in one native query (an HQL
     * query under the former tenancy filters was translated again at every call, issue 20).
     */
    public List<Dates> datesOf(UUID trajectoryId) {
        return Rows.as(DatesRow.class, getEntityManager().createNativeQuery("""
                select type, start_date, coalesce(end_date, planned_end_date)
                from instrument where trajectory_id = ?1 order by start_date"""))
                .setParameter(1, trajectoryId).getResultStream().map(DatesRow::dates).toList();
    }

    /** {@link Dates} as the database hands them out (the type by name). */
    record DatesRow(String type, LocalDate start, LocalDate effectiveEnd) {
        Dates dates() {
            return new Dates(InstrumentType.valueOf(type), start, effectiveEnd);
        }
    }

    public Optional<MaxDurationEntity> maxDuration(String kind, LocalDate on) {
        return getEntityManager().createQuery("from MaxDurationEntity d where d.kind = :kind and d.validFrom <= :on "
                        + "and (d.validTo is null or d.validTo >= :on)", MaxDurationEntity.class)
                .setParameter("kind", kind).setParameter("on", on).getResultStream().findFirst();
    }

    public List<MaxDurationEntity> maxDurations() {
        return getEntityManager().createQuery("from MaxDurationEntity", MaxDurationEntity.class).getResultList();
    }

    /** The caller-visible instruments of these trajectories, by start date and id, not managed. */
    public List<InstrumentEntity> ofTrajectories(Collection<UUID> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return List.of();
        }
        return rows(InstrumentRows.ALL + " where trajectory_id = any(?) order by start_date, id",
                s -> s.setArray(1, TransactionStatements.array(s, "uuid", trajectoryIds)));
    }

    /** The caller-visible instruments an organisation registered under these references, not managed. */
    public List<InstrumentEntity> byReferences(String registeredBy, Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return rows(InstrumentRows.ALL + " where registered_by = ? and external_reference = any(?)", s -> {
            s.setString(1, registeredBy);
            s.setArray(2, TransactionStatements.array(s, "text", references));
        });
    }

    private List<InstrumentEntity> rows(String sql, TransactionStatements.Binder binder) {
        return statements.query(sql, binder, rows -> {
            List<InstrumentEntity> list = new ArrayList<>();
            while (rows.next()) {
                list.add(InstrumentRows.row(rows));
            }
            return list;
        });
    }

    /** Inserts new instruments in one statement (a bulk import's batch, issue 31); the constraints decide as for one. */
    public void insertAll(List<InstrumentEntity> instruments) {
        if (instruments.isEmpty()) {
            return;
        }
        flush();
        int made = statements.update("""
                insert into instrument (id, trajectory_id, ocmw_id, type, start_date, planned_end_date, employer,
                                        social_rights_built_up, training_name, training_organiser,
                                        training_recognised, training_technical, training_full_time, coach_id,
                                        registered_by, on_behalf, external_reference, updated_at, version)
                select id, trajectory_id, ocmw_id, type, start_date, planned_end_date, employer,
                       social_rights_built_up, training_name, training_organiser, training_recognised,
                       training_technical, training_full_time, coach_id, registered_by, on_behalf,
                       external_reference, updated_at, 0
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[], ?::text[],
                            ?::boolean[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::boolean[],
                            ?::uuid[], ?::text[], ?::boolean[], ?::text[], ?::timestamptz[]) with ordinality
                    as l(id, trajectory_id, ocmw_id, type, start_date, planned_end_date, employer,
                         social_rights_built_up, training_name, training_organiser, training_recognised,
                         training_technical, training_full_time, coach_id, registered_by, on_behalf,
                         external_reference, updated_at, n)
                order by n""", s -> {
            int p = 1;
            s.setArray(p++, TransactionStatements.array(s, "uuid", instruments, i -> i.id));
            s.setArray(p++, TransactionStatements.array(s, "uuid", instruments, i -> i.trajectoryId));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.ocmwId));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.type.name()));
            s.setArray(p++, TransactionStatements.array(s, "date", instruments, i -> i.startDate));
            s.setArray(p++, TransactionStatements.array(s, "date", instruments, i -> i.plannedEndDate));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.employer));
            s.setArray(p++, TransactionStatements.array(s, "boolean", instruments, i -> i.socialRightsBuiltUp));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.trainingName));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.trainingOrganiser));
            s.setArray(p++, TransactionStatements.array(s, "boolean", instruments, i -> i.trainingRecognised));
            s.setArray(p++, TransactionStatements.array(s, "boolean", instruments, i -> i.trainingTechnical));
            s.setArray(p++, TransactionStatements.array(s, "boolean", instruments, i -> i.trainingFullTime));
            s.setArray(p++, TransactionStatements.array(s, "uuid", instruments, i -> i.coachId));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.registeredBy));
            s.setArray(p++, TransactionStatements.array(s, "boolean", instruments, i -> i.onBehalf));
            s.setArray(p++, TransactionStatements.array(s, "text", instruments, i -> i.externalReference));
            s.setArray(p, TransactionStatements.array(s, "timestamptz", instruments, i -> i.updatedAt));
        });
        if (made != instruments.size()) {
            throw new IllegalStateException("A batch's instruments were not all written");
        }
    }
}
