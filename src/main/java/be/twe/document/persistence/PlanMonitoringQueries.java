package be.twe.document.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import be.twe.common.persistence.Rows;

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
    Session session;

    public record Missing(UUID trajectoryId, LocalDate startDate, LocalDate dueDate, boolean open) {
    }

    /** {@code firstPlanAt} as the driver hands out a {@code timestamptz} to a native query. */
    public record Late(UUID trajectoryId, LocalDate startDate, LocalDate dueDate, Instant firstPlanAt,
                       int daysLate) {
    }

    public record Counts(int trajectories, int notYetDue) {
    }

    public record KindCount(String kind, int documents, int trajectories) {
    }

    public List<Missing> missing(String ocmwId, int dueDays, LocalDate today) {
        return query(FIRST_PLANS + """
                select id, start_date, due_date, open from plan
                where first_plan_at is null and due_date < :today order by start_date, id""", Missing.class, ocmwId,
                dueDays).setParameter("today", today).getResultList();
    }

    public List<Late> late(String ocmwId, int dueDays) {
        return query(FIRST_PLANS + """
                select id, start_date, due_date, first_plan_at, first_plan_day - due_date as days_late from plan
                where first_plan_day > due_date order by start_date, id""", Late.class, ocmwId, dueDays)
                .getResultList();
    }

    public Counts counts(String ocmwId, int dueDays, LocalDate today) {
        return query(FIRST_PLANS + """
                select count(*)::int as trajectories,
                       (count(*) filter (where first_plan_at is null and due_date >= :today))::int as not_yet_due
                from plan""", Counts.class, ocmwId, dueDays).setParameter("today", today).getSingleResult();
    }

    public List<KindCount> planKinds(String ocmwId) {
        return Rows.as(KindCount.class, session.createNativeQuery("""
                select d.kind, count(*)::int as documents, count(distinct d.trajectory_id)::int as trajectories
                from document d
                where d.ocmw_id = :ocmw and d.kind <> 'REPORT' and exists (
                    select 1 from document_version v where v.document_id = d.id and v.withdrawn_at is null)
                group by d.kind order by d.kind""")).setParameter("ocmw", ocmwId).getResultList();
    }

    private <R> NativeQuery<R> query(String sql, Class<R> row, String ocmwId, int dueDays) {
        return Rows.as(row, session.createNativeQuery(sql)).setParameter("ocmw", ocmwId).setParameter("due", dueDays);
    }
}
