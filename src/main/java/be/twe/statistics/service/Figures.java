package be.twe.statistics.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures: which events each counts and how. */
public final class Figures {
    private Figures() {
    }

    /**
     * Trajectories and instruments of each type, by their start date, and the trajectories (clients)
     * with at least one training, by the trajectory's start.
     */
    public static final Figure STARTS = new Figure("statistics_starts", """
            select ocmw_id, start_date as day, 'TRAJECTORY' as what,
                   exists (select 1 from instrument i where i.trajectory_id = t.id and i.type = 'TRAINING') as trained
            from trajectory t
            union all
            select ocmw_id, start_date, type, false from instrument""", Map.of(),
            with(counts("what", "trajectories", "TRAJECTORY", "art60", "ART60", "bvs", "BVS", "training", "TRAINING",
                    "wes", "WES", "ibo", "IBO"), "with_training", "count(*) filter (where trained)"),
            with(sums("trajectories", "art60", "bvs", "training", "wes", "ibo", "with_training:trajectoriesWithTraining"),
                    "instruments", "coalesce(sum(art60 + bvs + training + wes + ibo), 0)"),
            null, Set.of("trajectory", "instrument")).summing("instruments", "art60", "bvs", "training", "wes", "ibo");

    /** Trajectories that ended, by their end date; own dimension {@code endReason}. */
    public static final Figure ENDS = new Figure("statistics_ends", """
            select ocmw_id, end_date as day, end_reason from trajectory where end_date is not null""",
            Map.of("endReason", "end_reason"), Map.of("trajectories", "count(*)"), sums("trajectories"), null,
            Set.of("trajectory"));

    /**
     * Instruments by their start date: how many ended and how, and the duration in months (days /
     * 30.4375, the end day included) of the ended ones, average and median.
     */
    public static final Figure INSTRUMENTS = new Figure("statistics_instruments", """
            select ocmw_id, start_date as day, type, coalesce(outcome, 'RUNNING') as outcome, end_date,
                   end_date - start_date + 1 as days
            from instrument""", ordered("instrumentType", "type", "outcome", "outcome"),
            ordered("started", "count(*)",
                    "ended", "count(end_date)",
                    "completed", "count(*) filter (where outcome = 'COMPLETED')",
                    "stopped_early", "count(*) filter (where outcome = 'STOPPED_EARLY')",
                    "taken_over", "count(*) filter (where outcome = 'TAKEN_OVER_BY_VDAB')",
                    "days_sum", "coalesce(sum(days), 0)",
                    "days", "coalesce(array_agg(days) filter (where days is not null), '{}')"),
            ordered("started", "coalesce(sum(started), 0)",
                    "ended", "coalesce(sum(ended), 0)",
                    "completed", "coalesce(sum(completed), 0)",
                    "stoppedEarly", "coalesce(sum(stopped_early), 0)",
                    "takenOver", "coalesce(sum(taken_over), 0)",
                    "averageMonths", "round(sum(days_sum) / nullif(sum(ended), 0) / 30.4375, 1)"),
            "medianMonths", Set.of("instrument")).summing("ended", "completed", "stoppedEarly", "takenOver");

    /**
     * Each year of each trajectory, counted from its start up to its end (or planned end while
     * open): the instruments started in it and whether an art. 60 §7 employment ran in it. The one
     * SQL version of the rule; {@code TargetYearsAgreementTest} holds it against the Java one that
     * each trajectory's answer shows (InstrumentYears) on generated trajectories.
     */
    public static final String TRAJECTORY_YEARS = """
            select t.id, t.ocmw_id, y.n, y.first_day, y.last_day,
                   (select count(*) from instrument i where i.trajectory_id = t.id
                    and i.start_date between y.first_day and y.last_day) as started,
                   exists (select 1 from instrument i where i.trajectory_id = t.id and i.type = 'ART60'
                           and i.start_date <= y.last_day and i.effective_end_date >= y.first_day) as art60,
                   (select coalesce(sum(least(i.effective_end_date, y.last_day)
                                        - greatest(i.start_date, y.first_day) + 1), 0)
                    from instrument i where i.trajectory_id = t.id and i.type = 'ART60'
                    and i.start_date <= y.last_day and i.effective_end_date >= y.first_day) as art60_days,
                   t.end_reason = 'WORK_NEC' and t.end_date between y.first_day and y.last_day as ended_for_work
            from trajectory t
            cross join lateral (
                select n + 1 as n, (t.start_date + make_interval(years => n))::date as first_day,
                       least((t.start_date + make_interval(years => n + 1))::date - 1,
                             coalesce(t.end_date, t.planned_end_date)) as last_day
                -- as many years as the calendar years it spans at most, however long it runs
                from generate_series(0, (extract(year from coalesce(t.end_date, t.planned_end_date))
                                         - extract(year from t.start_date))::int) n
                where (t.start_date + make_interval(years => n))::date <= coalesce(t.end_date, t.planned_end_date)
            ) y""";

    /**
     * The "two instruments per year" target: each year of a trajectory counted from its start, up to
     * its end (or planned end while open), by the year's last day, once that day has passed. Met with
     * two instruments started in it, or by the exception of an art. 60 §7 employment running in it.
     * A year with fewer than two is split by what the data shows of why (2021 answer): the art. 60
     * §7 employment took most of the year or part of it; otherwise the trajectory ended for work in
     * the year, or the year is a partial last year, or none of these.
     */
    public static final Figure TARGET_YEARS = new Figure("statistics_target_years", """
            select ocmw_id, last_day as day, started, art60, art60_days, last_day - first_day + 1 as year_days,
                   ended_for_work, last_day < (first_day + interval '1 year')::date - 1 as partial
            from (""" + TRAJECTORY_YEARS + """

                where y.last_day < :today) years""", Map.of(),
            ordered("trajectory_years", "count(*)",
                    "met_with_instruments", "count(*) filter (where started >= 2)",
                    "met_by_art60", "count(*) filter (where started < 2 and art60)",
                    "not_met", "count(*) filter (where started < 2 and not art60)",
                    "art60_most_of_year", "count(*) filter (where started < 2 and art60 and 2 * art60_days > year_days)",
                    "art60_part_of_year", "count(*) filter (where started < 2 and art60 and 2 * art60_days <= year_days)",
                    "not_met_ended_for_work", "count(*) filter (where started < 2 and not art60 and ended_for_work)",
                    "not_met_partial_year", "count(*) filter (where started < 2 and not art60"
                            + " and not coalesce(ended_for_work, false) and partial)",
                    "not_met_other", "count(*) filter (where started < 2 and not art60"
                            + " and not coalesce(ended_for_work, false) and not partial)"),
            sums("trajectory_years:trajectoryYears", "met_with_instruments:metWithTwoInstruments",
                    "met_by_art60:metByArt60Exception", "not_met:notMet",
                    "art60_most_of_year:art60MostOfYear", "art60_part_of_year:art60PartOfYear",
                    "not_met_ended_for_work:notMetEndedForWork", "not_met_partial_year:notMetPartialYear",
                    "not_met_other:notMetOtherReason"), null, Set.of("trajectory", "instrument"))
            .summing("trajectoryYears", "metWithTwoInstruments", "metByArt60Exception", "notMet")
            .summing("metByArt60Exception", "art60MostOfYear", "art60PartOfYear")
            .summing("notMet", "notMetEndedForWork", "notMetPartialYear", "notMetOtherReason");

    /**
     * Trainings by their start date; own dimensions organiser, kind (generic or technical) and name;
     * with the distinct clients who started one (a client counted once per group, 2021 question).
     */
    public static final Figure TRAININGS = new Figure("statistics_trainings", """
            select i.ocmw_id, i.start_date as day, i.training_organiser as organiser,
                   case when i.training_technical then 'TECHNICAL' else 'GENERIC' end as kind, i.training_name,
                   i.end_date, i.end_date - i.start_date + 1 as days, t.client_id
            from instrument i join trajectory t on t.id = i.trajectory_id where i.type = 'TRAINING'""",
            ordered("organiser", "organiser", "kind", "kind", "trainingName", "training_name"),
            ordered("trainings", "count(*)",
                    "ended", "count(end_date)",
                    "days_sum", "coalesce(sum(days), 0)",
                    "days", "coalesce(array_agg(days) filter (where days is not null), '{}')",
                    "clients", "array_agg(distinct client_id)"),
            ordered("trainings", "coalesce(sum(trainings), 0)",
                    "clients", Figure.distinct("clients"),
                    "ended", "coalesce(sum(ended), 0)",
                    "averageMonths", "round(sum(days_sum) / nullif(sum(ended), 0) / 30.4375, 1)"),
            "medianMonths", Set.of("instrument"));

    /**
     * Transfers by their date, with own dimensions reason and channel, and how many had a follow-up
     * action starting within 12 months after the trajectory's end (or the transfer, while it runs).
     */
    public static final Figure TRANSFERS = new Figure("statistics_transfers", """
            select tr.ocmw_id, tr.transfer_date as day, tr.reason, tr.channel,
                   (select count(*) from follow_up_action f where f.transfer_id = tr.id
                    and f.start_date between coalesce(t.end_date, tr.transfer_date)
                                         and (coalesce(t.end_date, tr.transfer_date) + interval '12 months')::date)
                       as follow_ups
            from transfer tr join trajectory t on t.id = tr.trajectory_id""",
            ordered("reason", "reason", "channel", "channel"),
            ordered("transfers", "count(*)",
                    "with_follow_up", "count(*) filter (where follow_ups > 0)",
                    "follow_up_actions", "coalesce(sum(follow_ups), 0)"),
            sums("transfers", "with_follow_up:withFollowUpWithin12Months",
                    "follow_up_actions:followUpActionsWithin12Months"), null,
            Set.of("transfer", "follow_up_action", "trajectory"));

    /**
     * VDAB's follow-up actions (transmissions included) by their transfer's date, with own
     * dimensions the action's type and the transfer's reason: all actions, those starting within 12
     * months after the trajectory's end (or the transfer, while it runs), and the distinct
     * transfers with such an action (2024 questions, annexes 2 and 3).
     */
    public static final Figure FOLLOW_UPS = new Figure("statistics_follow_ups", """
            select tr.ocmw_id, tr.transfer_date as day, f.type as follow_up_type, tr.reason, tr.id as transfer_id,
                   f.start_date between coalesce(t.end_date, tr.transfer_date)
                                    and (coalesce(t.end_date, tr.transfer_date) + interval '12 months')::date
                       as within
            from follow_up_action f join transfer tr on tr.id = f.transfer_id
            join trajectory t on t.id = tr.trajectory_id""",
            ordered("followUpType", "follow_up_type", "reason", "reason"),
            ordered("actions", "count(*)",
                    "actions_within", "count(*) filter (where within)",
                    "transfers", "coalesce(array_agg(distinct transfer_id) filter (where within), '{}')"),
            ordered("followUpActions", "coalesce(sum(actions), 0)",
                    "followUpActionsWithin12Months", "coalesce(sum(actions_within), 0)",
                    "transfersWithFollowUpWithin12Months", Figure.distinct("transfers")),
            null, Set.of("transfer", "follow_up_action", "trajectory"));

    /** Ended trajectories by their end date: at work at the result measurement and within 12 months. */
    public static final Figure OUTCOMES = new Figure("statistics_outcomes", """
            select ocmw_id, end_date as day, at_work_at_measurement, at_work_within_12_months
            from trajectory where end_date is not null""", Map.of(),
            ordered("ended", "count(*)",
                    "measured", "count(at_work_at_measurement)",
                    "at_work", "count(*) filter (where at_work_at_measurement)",
                    "measured_after_12_months", "count(at_work_within_12_months)",
                    "at_work_within_12_months", "count(*) filter (where at_work_within_12_months)"),
            with(sums("ended", "measured", "at_work:atWorkAtMeasurement",
                            "measured_after_12_months:measuredAfter12Months",
                            "at_work_within_12_months:atWorkWithin12Months"),
                    "percentAtWorkAtMeasurement", "round(100.0 * sum(at_work) / nullif(sum(measured), 0), 1)",
                    "percentAtWorkWithin12Months",
                    "round(100.0 * sum(at_work_within_12_months) / nullif(sum(measured_after_12_months), 0), 1)"),
            null, Set.of("trajectory"));

    /**
     * Registrations (trajectories, instruments, plan and report uploads, transfers) and how many VDAB's
     * helpdesk did; and the requests to the helpdesk by the day they were filed, their kind and
     * outcome, with the registrations made to fulfil them (2017 question). A row holds either
     * registrations (no request kind) or requests (resource type HELPDESK_REQUEST).
     */
    public static final Figure HELPDESK = new Figure("statistics_helpdesk", """
            select ocmw_id, start_date as day, 'TRAJECTORY' as resource_type, on_behalf,
                   null::varchar as request_kind, null::varchar as request_outcome, 0 as made
            from trajectory
            union all
            select ocmw_id, start_date, 'INSTRUMENT', on_behalf, null, null, 0 from instrument
            union all
            select ocmw_id, (uploaded_at at time zone 'Europe/Brussels')::date, 'DOCUMENT_VERSION', on_behalf, null, null, 0
            from document_version
            union all
            select ocmw_id, transfer_date, 'TRANSFER', on_behalf, null, null, 0 from transfer
            union all
            select r.ocmw_id, (r.requested_at at time zone 'Europe/Brussels')::date, 'HELPDESK_REQUEST', false, r.kind,
                   r.status, (select count(*) from helpdesk_request_registration g where g.request_id = r.id)
            from helpdesk_request r""",
            ordered("resourceType", "resource_type", "requestKind", "request_kind", "requestOutcome", "request_outcome"),
            ordered("registrations", "count(*) filter (where resource_type <> 'HELPDESK_REQUEST')",
                    "by_helpdesk", "count(*) filter (where on_behalf)",
                    "requests", "count(*) filter (where resource_type = 'HELPDESK_REQUEST')",
                    "registrations_made", "coalesce(sum(made), 0)"),
            sums("registrations", "by_helpdesk:byHelpdesk", "requests",
                    "registrations_made:registrationsForRequests"), null,
            Set.of("trajectory", "instrument", "document_version", "transfer", "helpdesk_request",
                    "helpdesk_request_registration"));

    /** OCMW staff who followed VDAB's registration training, by the training's date. */
    public static final Figure COACHES = new Figure("statistics_coaches", """
            select c.organisation_id as ocmw_id, c.trained_on as day
            from coach c join organisation o on o.id = c.organisation_id and o.kind = 'OCMW'
            where c.trained_on is not null""",
            Map.of(), Map.of("trained", "count(*)"), sums("trained:coachesTrained"), null, Set.of("coach"));

    /**
     * Trajectories by their start date: the plan kinds they have (a non-withdrawn version of a POP,
     * GPMI or other plan), and whether the first plan came by its due date (start + the configured
     * days), after it, or not yet while overdue or not yet due; with own dimensions the plan method
     * the OCMW recorded and why it is not the POP (2021 question), and how many OCMWs a row holds.
     */
    public static final Figure PLANS = new Figure("statistics_plans", """
            select t.ocmw_id, t.start_date as day, p.kinds, p.first_day, t.start_date + :planDueDays as due_day,
                   coalesce(pm.method, 'NOT_RECORDED') as plan_method, coalesce(pm.reason, 'NONE') as plan_method_reason
            from trajectory t
            left join plan_method pm on pm.ocmw_id = t.ocmw_id
            cross join lateral (
                select array_agg(distinct d.kind) as kinds,
                       min((v.uploaded_at at time zone 'Europe/Brussels')::date) as first_day
                from document d join document_version v on v.document_id = d.id
                where d.trajectory_id = t.id and d.kind <> 'REPORT' and v.withdrawn_at is null) p""",
            ordered("planMethod", "plan_method", "planMethodReason", "plan_method_reason"),
            ordered("trajectories", "count(*)",
                    "with_pop", "count(*) filter (where 'POP' = any(kinds))",
                    "with_gpmi", "count(*) filter (where 'GPMI' = any(kinds))",
                    "with_other", "count(*) filter (where 'OTHER_PLAN' = any(kinds))",
                    "on_time", "count(*) filter (where first_day <= due_day)",
                    "late", "count(*) filter (where first_day > due_day)",
                    "missing", "count(*) filter (where first_day is null and due_day < :today)",
                    "not_yet_due", "count(*) filter (where first_day is null and due_day >= :today)"),
            with(sums("trajectories", "with_pop:withPop", "with_gpmi:withGpmi", "with_other:withOtherPlan",
                    "on_time:planOnTime", "late:planLate", "missing:planMissing", "not_yet_due:planNotYetDue"),
                    "ocmws", "count(distinct ocmw_id)"),
            null, Set.of("trajectory", "document", "document_version", "plan_method"))
            .summing("trajectories", "planOnTime", "planLate", "planMissing", "planNotYetDue");

    /** Every figure, each kept in its own table. */
    public static final List<Figure> ALL = List.of(STARTS, ENDS, INSTRUMENTS, TARGET_YEARS, TRAININGS, TRANSFERS,
            FOLLOW_UPS, OUTCOMES, HELPDESK, COACHES, PLANS);

    private static Map<String, String> ordered(String... namesAndExpressions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndExpressions.length; i += 2) {
            map.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
        }
        return map;
    }

    /** {@code count(*) filter (where column = 'VALUE')} for each column and value. */
    private static Map<String, String> counts(String column, String... namesAndValues) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            counts.put(namesAndValues[i], "count(*) filter (where " + column + " = '" + namesAndValues[i + 1] + "')");
        }
        return counts;
    }

    /** Each column summed (0 over no rows), answered under its own name or the one after a colon. */
    private static Map<String, String> sums(String... columns) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split(":");
            sums.put(parts[parts.length - 1], "coalesce(sum(" + parts[0] + "), 0)");
        }
        return sums;
    }

    /** The map with more entries after its own. */
    private static Map<String, String> with(Map<String, String> map, String... namesAndExpressions) {
        Map<String, String> more = new LinkedHashMap<>(map);
        more.putAll(ordered(namesAndExpressions));
        return more;
    }
}
