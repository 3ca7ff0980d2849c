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
     * The "two instruments per year" target: each year of a trajectory counted from its start, up to
     * its end (or planned end while open), by the year's last day, once that day has passed. Met with
     * two instruments started in it, or by the exception of an art. 60 §7 employment running in it.
     */
    public static final Figure TARGET_YEARS = new Figure("statistics_target_years", """
            select ocmw_id, last_day as day, started, art60 from (
                select t.ocmw_id, y.last_day,
                       (select count(*) from instrument i where i.trajectory_id = t.id
                        and i.start_date between y.first_day and y.last_day) as started,
                       exists (select 1 from instrument i where i.trajectory_id = t.id and i.type = 'ART60'
                               and i.start_date <= y.last_day and i.effective_end_date >= y.first_day) as art60
                from trajectory t
                cross join lateral (
                    select (t.start_date + make_interval(years => n))::date as first_day,
                           least((t.start_date + make_interval(years => n + 1))::date - 1,
                                 coalesce(t.end_date, t.planned_end_date)) as last_day
                    from generate_series(0, 9) n
                    where (t.start_date + make_interval(years => n))::date <= coalesce(t.end_date, t.planned_end_date)
                ) y
                where y.last_day < :today) years""", Map.of(),
            ordered("trajectory_years", "count(*)",
                    "met_with_instruments", "count(*) filter (where started >= 2)",
                    "met_by_art60", "count(*) filter (where started < 2 and art60)",
                    "not_met", "count(*) filter (where started < 2 and not art60)"),
            sums("trajectory_years:trajectoryYears", "met_with_instruments:metWithTwoInstruments",
                    "met_by_art60:metByArt60Exception", "not_met:notMet"), null, Set.of("trajectory", "instrument"))
            .summing("trajectoryYears", "metWithTwoInstruments", "metByArt60Exception", "notMet");

    /** Trainings by their start date; own dimensions organiser, kind (generic or technical) and name. */
    public static final Figure TRAININGS = new Figure("statistics_trainings", """
            select ocmw_id, start_date as day, training_organiser as organiser,
                   case when training_technical then 'TECHNICAL' else 'GENERIC' end as kind, training_name,
                   end_date, end_date - start_date + 1 as days
            from instrument where type = 'TRAINING'""",
            ordered("organiser", "organiser", "kind", "kind", "trainingName", "training_name"),
            ordered("trainings", "count(*)",
                    "ended", "count(end_date)",
                    "days_sum", "coalesce(sum(days), 0)",
                    "days", "coalesce(array_agg(days) filter (where days is not null), '{}')"),
            ordered("trainings", "coalesce(sum(trainings), 0)",
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

    /** Registrations (trajectories, instruments, plan and report uploads, transfers) and how many VDAB's helpdesk did. */
    public static final Figure HELPDESK = new Figure("statistics_helpdesk", """
            select ocmw_id, start_date as day, 'TRAJECTORY' as resource_type, on_behalf from trajectory
            union all
            select ocmw_id, start_date, 'INSTRUMENT', on_behalf from instrument
            union all
            select ocmw_id, (uploaded_at at time zone 'Europe/Brussels')::date, 'DOCUMENT_VERSION', on_behalf
            from document_version
            union all
            select ocmw_id, transfer_date, 'TRANSFER', on_behalf from transfer""",
            Map.of("resourceType", "resource_type"),
            ordered("registrations", "count(*)", "by_helpdesk", "count(*) filter (where on_behalf)"),
            sums("registrations", "by_helpdesk:byHelpdesk"), null,
            Set.of("trajectory", "instrument", "document_version", "transfer"));

    /** OCMW staff who followed VDAB's registration training, by the training's date. */
    public static final Figure COACHES = new Figure("statistics_coaches", """
            select c.organisation_id as ocmw_id, c.trained_on as day
            from coach c join organisation o on o.id = c.organisation_id and o.kind = 'OCMW'
            where c.trained_on is not null""",
            Map.of(), Map.of("trained", "count(*)"), sums("trained:coachesTrained"), null, Set.of("coach"));

    /**
     * Trajectories by their start date: the plan kinds they have (a non-withdrawn version of a POP,
     * GPMI or other plan), and whether the first plan came by its due date (start + the configured
     * days), after it, or not yet while overdue or not yet due.
     */
    public static final Figure PLANS = new Figure("statistics_plans", """
            select t.ocmw_id, t.start_date as day, p.kinds, p.first_day, t.start_date + :planDueDays as due_day
            from trajectory t
            cross join lateral (
                select array_agg(distinct d.kind) as kinds,
                       min((v.uploaded_at at time zone 'Europe/Brussels')::date) as first_day
                from document d join document_version v on v.document_id = d.id
                where d.trajectory_id = t.id and d.kind <> 'REPORT' and v.withdrawn_at is null) p""", Map.of(),
            ordered("trajectories", "count(*)",
                    "with_pop", "count(*) filter (where 'POP' = any(kinds))",
                    "with_gpmi", "count(*) filter (where 'GPMI' = any(kinds))",
                    "with_other", "count(*) filter (where 'OTHER_PLAN' = any(kinds))",
                    "on_time", "count(*) filter (where first_day <= due_day)",
                    "late", "count(*) filter (where first_day > due_day)",
                    "missing", "count(*) filter (where first_day is null and due_day < :today)",
                    "not_yet_due", "count(*) filter (where first_day is null and due_day >= :today)"),
            sums("trajectories", "with_pop:withPop", "with_gpmi:withGpmi", "with_other:withOtherPlan",
                    "on_time:planOnTime", "late:planLate", "missing:planMissing", "not_yet_due:planNotYetDue"),
            null, Set.of("trajectory", "document", "document_version"))
            .summing("trajectories", "planOnTime", "planLate", "planMissing", "planNotYetDue");

    /** Every figure, each kept in its own table. */
    public static final List<Figure> ALL = List.of(STARTS, ENDS, INSTRUMENTS, TARGET_YEARS, TRAININGS, TRANSFERS,
            OUTCOMES, HELPDESK, COACHES, PLANS);

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
