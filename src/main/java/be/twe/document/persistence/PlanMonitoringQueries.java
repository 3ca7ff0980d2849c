package be.twe.document.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * The plan monitoring, computed by PostgreSQL for one OCMW. Row-level security holds for native SQL
 * too; callers check that the caller acts for {@code ocmwId} to answer 404 rather than nothing.
 * A plan is a non-withdrawn version of a document that is not a report; it is due on
 * start + dueDays, and an upload counts on its day in Belgian time.
 */
@ApplicationScoped
public class PlanMonitoringQueries {
    private static final String FIRST_PLANS = """
            with first_plan as (
                select v.trajectory_id, min(v.uploaded_at) as first_plan_at
                from document_version v join document d on d.id = v.document_id
                where v.ocmw_id = :ocmw and v.withdrawn_at is null and d.kind <> 'REPORT'
                group by v.trajectory_id),
            plan as (
                select t.id, t.start_date, t.start_date + :due as due_date, t.end_date is null as open,
                       p.first_plan_at, (p.first_plan_at at time zone 'Europe/Brussels')::date as first_plan_day
                from trajectory t left join first_plan p on p.trajectory_id = t.id
                where t.ocmw_id = :ocmw)
            """;

    @Inject
    EntityManager em;

    public record Missing(UUID trajectoryId, LocalDate startDate, LocalDate dueDate, boolean open) {
    }

    public record Late(UUID trajectoryId, LocalDate startDate, LocalDate dueDate, OffsetDateTime firstPlanAt,
                       int daysLate) {
    }

    public record Counts(int trajectories, int notYetDue) {
    }

    public record KindCount(String kind, int documents, int trajectories) {
    }

    public List<Missing> missing(String ocmwId, int dueDays, LocalDate today) {
        List<Object[]> rows = query(FIRST_PLANS + """
                select id, start_date, due_date, open from plan
                where first_plan_at is null and due_date < :today order by start_date, id""", ocmwId, dueDays)
                .setParameter("today", today)
                .addScalar("id", UUID.class).addScalar("start_date", LocalDate.class)
                .addScalar("due_date", LocalDate.class).addScalar("open", Boolean.class).getResultList();
        return rows.stream().map(r -> new Missing((UUID) r[0], (LocalDate) r[1], (LocalDate) r[2], (Boolean) r[3]))
                .toList();
    }

    public List<Late> late(String ocmwId, int dueDays) {
        List<Object[]> rows = query(FIRST_PLANS + """
                select id, start_date, due_date, first_plan_at, first_plan_day - due_date as days_late from plan
                where first_plan_day > due_date order by start_date, id""", ocmwId, dueDays)
                .addScalar("id", UUID.class).addScalar("start_date", LocalDate.class)
                .addScalar("due_date", LocalDate.class).addScalar("first_plan_at", OffsetDateTime.class)
                .addScalar("days_late", Integer.class).getResultList();
        return rows.stream().map(r -> new Late((UUID) r[0], (LocalDate) r[1], (LocalDate) r[2],
                (OffsetDateTime) r[3], (Integer) r[4])).toList();
    }

    public Counts counts(String ocmwId, int dueDays, LocalDate today) {
        Object[] row = (Object[]) query(FIRST_PLANS + """
                select count(*) as trajectories,
                       count(*) filter (where first_plan_at is null and due_date >= :today) as not_yet_due
                from plan""", ocmwId, dueDays)
                .setParameter("today", today)
                .addScalar("trajectories", Integer.class).addScalar("not_yet_due", Integer.class).getSingleResult();
        return new Counts((Integer) row[0], (Integer) row[1]);
    }

    public List<KindCount> planKinds(String ocmwId) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.kind, count(*) as documents, count(distinct d.trajectory_id) as trajectories
                from document d
                where d.ocmw_id = :ocmw and d.kind <> 'REPORT' and exists (
                    select 1 from document_version v where v.document_id = d.id and v.withdrawn_at is null)
                group by d.kind order by d.kind""").unwrap(NativeQuery.class)
                .setParameter("ocmw", ocmwId)
                .addScalar("kind", String.class).addScalar("documents", Integer.class)
                .addScalar("trajectories", Integer.class).getResultList();
        return rows.stream().map(r -> new KindCount((String) r[0], (Integer) r[1], (Integer) r[2])).toList();
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql, String ocmwId, int dueDays) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .setParameter("ocmw", ocmwId).setParameter("due", dueDays);
    }
}
