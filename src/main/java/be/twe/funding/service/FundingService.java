package be.twe.funding.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.Text;
import be.twe.common.persistence.Rows;
import be.twe.common.tenancy.OwnOrganisation;

/**
 * The funding report of one OCMW, computed by PostgreSQL from its registrations and the rates
 * valid on each month's last day (ADR 0015). Row-level security holds for its native SQL too;
 * {@link OwnOrganisation} answers 404 to anyone but the OCMW itself and VDAB.
 */
@ApplicationScoped
public class FundingService {
    /**
     * Every month-end with guidance of every trajectory of the OCMW up to the quarter's end,
     * numbered per trajectory (for the cap in months), with the effort fee it gives: the month's
     * amount while within the cap in months, limited by the cap per calendar year through the
     * running sum of the year (what the capped sum grows by this month).
     */
    private static final String MONTHS = """
            with month_ends as (
                select (d + interval '1 month' - interval '1 day')::date as day
                from generate_series(least((select date_trunc('month', min(start_date))::date from trajectory
                                            where ocmw_id = :ocmw), cast(:quarterStart as date))::timestamp,
                                     cast(:quarterEnd as timestamp), interval '1 month') d),
            guided as (
                select t.id, m.day, row_number() over (partition by t.id order by m.day) as month_number
                from trajectory t join month_ends m on m.day >= t.start_date and (t.end_date is null or t.end_date >= m.day)
                where t.ocmw_id = :ocmw),
            due as (
                select g.day, f.cap_per_year,
                       case when f.cap_months is null or g.month_number <= f.cap_months then f.monthly_amount else 0 end
                           as due,
                       sum(case when f.cap_months is null or g.month_number <= f.cap_months then f.monthly_amount else 0 end)
                           over (partition by g.id, extract(year from g.day) order by g.day) as year_sum
                from guided g
                join funding_rate f on f.kind = 'EFFORT_FEE' and g.day >= f.valid_from
                                   and (f.valid_to is null or g.day <= f.valid_to)),
            effort as (
                select day, count(*) as guided,
                       sum(least(year_sum, coalesce(cap_per_year, year_sum))
                           - least(year_sum - due, coalesce(cap_per_year, year_sum))) as fee
                from due where day >= :quarterStart group by day),
            art60 as (
                select m.day, count(distinct i.trajectory_id) as running
                from instrument i join month_ends m on m.day between i.start_date and i.effective_end_date
                where i.ocmw_id = :ocmw and i.type = 'ART60' and m.day >= :quarterStart group by m.day)
            select m.day, coalesce(e.guided, 0)::int as guided, coalesce(a.running, 0)::int as running,
                   coalesce(e.fee, 0)::numeric(10, 2) as fee,
                   (coalesce(a.running, 0) * coalesce(now_rate.monthly_amount, 0))::numeric(10, 2) as compensation,
                   (coalesce(a.running, 0) * coalesce(later_rate.monthly_amount, 0))::numeric(10, 2) as deferred
            from month_ends m
            left join effort e on e.day = m.day
            left join art60 a on a.day = m.day
            left join funding_rate now_rate on now_rate.kind = 'ART60_COMPENSATION' and m.day >= now_rate.valid_from
                                            and (now_rate.valid_to is null or m.day <= now_rate.valid_to)
            left join funding_rate later_rate on later_rate.kind = 'ART60_COMPENSATION_DEFERRED'
                                             and m.day >= later_rate.valid_from
                                             and (later_rate.valid_to is null or m.day <= later_rate.valid_to)
            where m.day >= :quarterStart
            order by m.day""";

    /** The deferred parts of every art. 60 §7 month-end of the trajectories that ended in the quarter. */
    private static final String RELEASED = """
            select coalesce(sum(f.monthly_amount), 0)::numeric(10, 2)
            from trajectory t
            join instrument i on i.trajectory_id = t.id and i.type = 'ART60'
            cross join lateral generate_series(date_trunc('month', i.start_date)::date::timestamp,
                                               i.effective_end_date::timestamp, interval '1 month') d
            cross join lateral (select (d + interval '1 month' - interval '1 day')::date as day) m
            join funding_rate f on f.kind = 'ART60_COMPENSATION_DEFERRED' and m.day >= f.valid_from
                               and (f.valid_to is null or m.day <= f.valid_to)
            where t.ocmw_id = :ocmw and t.end_date between :quarterStart and :quarterEnd
              and m.day between i.start_date and i.effective_end_date""";

    @Inject
    EntityManager em;
    @Inject
    OwnOrganisation ownOrganisation;

    @Transactional
    public QuarterFunding report(String ocmwId, String quarter) {
        ownOrganisation.require(ocmwId);
        Number ocmws = (Number) em.createNativeQuery("select count(*) from organisation where id = ?1 and kind = 'OCMW'")
                .setParameter(1, ocmwId).getSingleResult();
        if (ocmws.intValue() == 0) {
            throw new NotFoundProblem("organisation", ocmwId);
        }
        LocalDate start = firstDay(quarter);
        LocalDate end = start.plusMonths(3).minusDays(1);
        List<QuarterFunding.Month> months = Rows.as(QuarterFunding.Month.class, em.createNativeQuery(MONTHS))
                .setParameter("ocmw", ocmwId).setParameter("quarterStart", start).setParameter("quarterEnd", end)
                .getResultList();
        BigDecimal released = (BigDecimal) em.createNativeQuery(RELEASED).setParameter("ocmw", ocmwId)
                .setParameter("quarterStart", start).setParameter("quarterEnd", end).getSingleResult();
        return new QuarterFunding(ocmwId, quarter, months, released);
    }

    private static final int FIRST_YEAR = 2017;

    /** 2025-Q1 -> 2025-01-01; 400 naming {@code quarter} otherwise. */
    static LocalDate firstDay(String quarter) {
        // funding exists from the measure's start to the year after this one; 9999-Q4 took 29 s of SQL
        int lastYear = LocalDate.now().getYear() + 1;
        int year = quarter != null && quarter.matches("[0-9]{4}-Q[1-4]") ? Integer.parseInt(quarter.substring(0, 4)) : -1;
        if (year < FIRST_YEAR || year > lastYear) {
            throw new InvalidInputProblem(new Issue("query", "quarter", quarter,
                    Text.of("quarter-invalid", FIRST_YEAR, lastYear)));
        }
        return LocalDate.of(year, 3 * (quarter.charAt(6) - '1') + 1, 1);
    }
}
