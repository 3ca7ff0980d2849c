package be.twe.statistics.service;

import java.util.List;

/**
 * The figures: which events each counts and how, written as the SQL they run. Per figure: the
 * events (one row per counted event: {@code ocmw_id}, {@code trajectory_id} (null for events of no trajectory), {@code day}, its dimensions' columns), its
 * own dimensions, the partials kept per OCMW and year ({@code partial}: table column, aggregate
 * over the events), and the answer's values ({@code value}: name, aggregate over the partials).
 */
public final class Figures {
    private Figures() {
    }

    /**
     * Trajectories and instruments of each type, by their start date, and the trajectories (clients)
     * with at least one training, by the trajectory's start.
     */
    public static final Figure STARTS = Figure.in("statistics_starts")
            .events("""
                    select ocmw_id, id as trajectory_id, start_date as day, 'TRAJECTORY' as what,
                           exists (select 1 from instrument i where i.trajectory_id = t.id and i.type = 'TRAINING') as trained
                    from trajectory t
                    union all
                    select ocmw_id, trajectory_id, start_date, type, false from instrument""")
            .partial("trajectories", "count(*) filter (where what = 'TRAJECTORY')")
            .partial("art60", "count(*) filter (where what = 'ART60')")
            .partial("bvs", "count(*) filter (where what = 'BVS')")
            .partial("training", "count(*) filter (where what = 'TRAINING')")
            .partial("wes", "count(*) filter (where what = 'WES')")
            .partial("ibo", "count(*) filter (where what = 'IBO')")
            .partial("with_training", "count(*) filter (where trained)")
            .value("trajectories", "coalesce(sum(trajectories), 0)")
            .value("art60", "coalesce(sum(art60), 0)")
            .value("bvs", "coalesce(sum(bvs), 0)")
            .value("training", "coalesce(sum(training), 0)")
            .value("wes", "coalesce(sum(wes), 0)")
            .value("ibo", "coalesce(sum(ibo), 0)")
            .value("trajectoriesWithTraining", "coalesce(sum(with_training), 0)")
            .value("instruments", "coalesce(sum(art60 + bvs + training + wes + ibo), 0)")
            .summing("instruments", "art60", "bvs", "training", "wes", "ibo")
            .readingFrom("trajectory", "instrument");

    /** Trajectories that ended, by their end date; own dimension {@code endReason}. */
    public static final Figure ENDS = Figure.in("statistics_ends")
            .events("""
                    select ocmw_id, id as trajectory_id, end_date as day, end_reason
                    from trajectory where end_date is not null""")
            .dimension("endReason", "end_reason")
            .partial("trajectories", "count(*)")
            .value("trajectories", "coalesce(sum(trajectories), 0)")
            .readingFrom("trajectory");

    /**
     * Instruments by their start date: how many ended and how, and the duration in months (days /
     * 30.4375, the end day included) of the ended ones, average and median.
     */
    public static final Figure INSTRUMENTS = Figure.in("statistics_instruments")
            .events("""
                    select ocmw_id, trajectory_id, start_date as day, type, coalesce(outcome, 'RUNNING') as outcome, end_date,
                           end_date - start_date + 1 as days
                    from instrument""")
            .dimension("instrumentType", "type")
            .dimension("outcome", "outcome")
            .partial("started", "count(*)")
            .partial("ended", "count(end_date)")
            .partial("completed", "count(*) filter (where outcome = 'COMPLETED')")
            .partial("stopped_early", "count(*) filter (where outcome = 'STOPPED_EARLY')")
            .partial("taken_over", "count(*) filter (where outcome = 'TAKEN_OVER_BY_VDAB')")
            .partial("days_sum", "coalesce(sum(days), 0)")
            .partial("days", "coalesce(array_agg(days) filter (where days is not null), '{}')")
            .value("started", "coalesce(sum(started), 0)")
            .value("ended", "coalesce(sum(ended), 0)")
            .value("completed", "coalesce(sum(completed), 0)")
            .value("stoppedEarly", "coalesce(sum(stopped_early), 0)")
            .value("takenOver", "coalesce(sum(taken_over), 0)")
            .value("averageMonths", "round(sum(days_sum) / nullif(sum(ended), 0) / 30.4375, 1)")
            .median("medianMonths")
            .summing("ended", "completed", "stoppedEarly", "takenOver")
            .readingFrom("instrument");

    /**
     * Each year of each trajectory, counted from its start up to its end (or planned end while
     * open): the instruments started in it and whether an art. 60 §7 employment ran in it. The one
     * SQL version of the rule; {@code TargetYearsAgreementTest} holds it against the Java one that
     * each trajectory's answer shows (InstrumentYears) on generated trajectories.
     */
    public static final String TRAJECTORY_YEARS = """
            select t.id, t.ocmw_id, y.n, y.first_day, y.last_day, x.started, x.art60, x.art60_days,
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
            ) y
            -- one pass over the trajectory's instruments per year: as three subqueries in the select
            -- list, each was run again for every partial that reads its column (4.5 times slower)
            cross join lateral (
                select count(*) filter (where i.start_date between y.first_day and y.last_day) as started,
                       coalesce(bool_or(i.type = 'ART60' and i.start_date <= y.last_day
                                        and i.effective_end_date >= y.first_day), false) as art60,
                       coalesce(sum(least(i.effective_end_date, y.last_day) - greatest(i.start_date, y.first_day) + 1)
                                filter (where i.type = 'ART60' and i.start_date <= y.last_day
                                        and i.effective_end_date >= y.first_day), 0) as art60_days
                from instrument i where i.trajectory_id = t.id
            ) x""";

    /**
     * The "two instruments per year" target: each year of a trajectory counted from its start, up to
     * its end (or planned end while open), by the year's last day, once that day has passed. Met with
     * two instruments started in it, or by the exception of an art. 60 §7 employment running in it.
     * A year with fewer than two is split by what the data shows of why (2021 answer): the art. 60
     * §7 employment took most of the year or part of it; otherwise the trajectory ended for work in
     * the year, or the year is a partial last year, or none of these.
     */
    public static final Figure TARGET_YEARS = Figure.in("statistics_target_years")
            .events("""
                    select ocmw_id, id as trajectory_id, last_day as day, started, art60, art60_days,
                           last_day - first_day + 1 as year_days,
                           ended_for_work, last_day < (first_day + interval '1 year')::date - 1 as partial
                    from (""" + TRAJECTORY_YEARS + """

                        where y.last_day < :today) years""")
            .partial("trajectory_years", "count(*)")
            .partial("met_with_instruments", "count(*) filter (where started >= 2)")
            .partial("met_by_art60", "count(*) filter (where started < 2 and art60)")
            .partial("not_met", "count(*) filter (where started < 2 and not art60)")
            .partial("art60_most_of_year", "count(*) filter (where started < 2 and art60 and 2 * art60_days > year_days)")
            .partial("art60_part_of_year", "count(*) filter (where started < 2 and art60 and 2 * art60_days <= year_days)")
            .partial("not_met_ended_for_work", "count(*) filter (where started < 2 and not art60 and ended_for_work)")
            .partial("not_met_partial_year", "count(*) filter (where started < 2 and not art60"
                    + " and not coalesce(ended_for_work, false) and partial)")
            .partial("not_met_other", "count(*) filter (where started < 2 and not art60"
                    + " and not coalesce(ended_for_work, false) and not partial)")
            .value("trajectoryYears", "coalesce(sum(trajectory_years), 0)")
            .value("metWithTwoInstruments", "coalesce(sum(met_with_instruments), 0)")
            .value("metByArt60Exception", "coalesce(sum(met_by_art60), 0)")
            .value("notMet", "coalesce(sum(not_met), 0)")
            .value("art60MostOfYear", "coalesce(sum(art60_most_of_year), 0)")
            .value("art60PartOfYear", "coalesce(sum(art60_part_of_year), 0)")
            .value("notMetEndedForWork", "coalesce(sum(not_met_ended_for_work), 0)")
            .value("notMetPartialYear", "coalesce(sum(not_met_partial_year), 0)")
            .value("notMetOtherReason", "coalesce(sum(not_met_other), 0)")
            .summing("trajectoryYears", "metWithTwoInstruments", "metByArt60Exception", "notMet")
            .summing("metByArt60Exception", "art60MostOfYear", "art60PartOfYear")
            .summing("notMet", "notMetEndedForWork", "notMetPartialYear", "notMetOtherReason")
            .readingFrom("trajectory", "instrument");

    /**
     * Trainings by their start date; own dimensions organiser, kind (generic or technical) and name;
     * with the distinct clients who started one (a client counted once per group, 2021 question).
     */
    public static final Figure TRAININGS = Figure.in("statistics_trainings")
            .events("""
                    select i.ocmw_id, i.trajectory_id, i.start_date as day, i.training_organiser as organiser,
                           case when i.training_technical then 'TECHNICAL' else 'GENERIC' end as kind, i.training_name,
                           i.end_date, i.end_date - i.start_date + 1 as days, t.client_id
                    from instrument i join trajectory t on t.id = i.trajectory_id where i.type = 'TRAINING'""")
            .dimension("organiser", "organiser")
            .dimension("kind", "kind")
            .dimension("trainingName", "training_name")
            .partial("trainings", "count(*)")
            .partial("ended", "count(end_date)")
            .partial("days_sum", "coalesce(sum(days), 0)")
            .partial("days", "coalesce(array_agg(days) filter (where days is not null), '{}')")
            .partial("clients", "array_agg(distinct client_id)")
            .value("trainings", "coalesce(sum(trainings), 0)")
            .value("clients", Figure.distinct("clients"))
            .value("ended", "coalesce(sum(ended), 0)")
            .value("averageMonths", "round(sum(days_sum) / nullif(sum(ended), 0) / 30.4375, 1)")
            .median("medianMonths")
            .readingFrom("instrument");

    /**
     * Transfers by their date, with own dimensions reason and channel, and how many had a follow-up
     * action starting within 12 months after the trajectory's end (or the transfer, while it runs).
     */
    public static final Figure TRANSFERS = Figure.in("statistics_transfers")
            .events("""
                    select tr.ocmw_id, tr.trajectory_id, tr.transfer_date as day, tr.reason, tr.channel,
                           (select count(*) from follow_up_action f where f.transfer_id = tr.id
                            and f.start_date between coalesce(t.end_date, tr.transfer_date)
                                                 and (coalesce(t.end_date, tr.transfer_date) + interval '12 months')::date)
                               as follow_ups
                    from transfer tr join trajectory t on t.id = tr.trajectory_id""")
            .dimension("reason", "reason")
            .dimension("channel", "channel")
            .partial("transfers", "count(*)")
            .partial("with_follow_up", "count(*) filter (where follow_ups > 0)")
            .partial("follow_up_actions", "coalesce(sum(follow_ups), 0)")
            .value("transfers", "coalesce(sum(transfers), 0)")
            .value("withFollowUpWithin12Months", "coalesce(sum(with_follow_up), 0)")
            .value("followUpActionsWithin12Months", "coalesce(sum(follow_up_actions), 0)")
            .readingFrom("transfer", "follow_up_action", "trajectory");

    /**
     * VDAB's follow-up actions (transmissions included) by their transfer's date, with own
     * dimensions the action's type and the transfer's reason: all actions, those starting within 12
     * months after the trajectory's end (or the transfer, while it runs), and the distinct
     * transfers with such an action (2024 questions, annexes 2 and 3).
     */
    public static final Figure FOLLOW_UPS = Figure.in("statistics_follow_ups")
            .events("""
                    select tr.ocmw_id, tr.trajectory_id, tr.transfer_date as day, f.type as follow_up_type, tr.reason,
                           tr.id as transfer_id,
                           f.start_date between coalesce(t.end_date, tr.transfer_date)
                                            and (coalesce(t.end_date, tr.transfer_date) + interval '12 months')::date
                               as within
                    from follow_up_action f join transfer tr on tr.id = f.transfer_id
                    join trajectory t on t.id = tr.trajectory_id""")
            .dimension("followUpType", "follow_up_type")
            .dimension("reason", "reason")
            .partial("actions", "count(*)")
            .partial("actions_within", "count(*) filter (where within)")
            .partial("transfers", "coalesce(array_agg(distinct transfer_id) filter (where within), '{}')")
            .value("followUpActions", "coalesce(sum(actions), 0)")
            .value("followUpActionsWithin12Months", "coalesce(sum(actions_within), 0)")
            .value("transfersWithFollowUpWithin12Months", Figure.distinct("transfers"))
            .readingFrom("transfer", "follow_up_action", "trajectory");

    /** Ended trajectories by their end date: at work at the result measurement and within 12 months. */
    public static final Figure OUTCOMES = Figure.in("statistics_outcomes")
            .events("""
                    select ocmw_id, id as trajectory_id, end_date as day, at_work_at_measurement, at_work_within_12_months
                    from trajectory where end_date is not null""")
            .partial("ended", "count(*)")
            .partial("measured", "count(at_work_at_measurement)")
            .partial("at_work", "count(*) filter (where at_work_at_measurement)")
            .partial("measured_after_12_months", "count(at_work_within_12_months)")
            .partial("at_work_within_12_months", "count(*) filter (where at_work_within_12_months)")
            .value("ended", "coalesce(sum(ended), 0)")
            .value("measured", "coalesce(sum(measured), 0)")
            .value("atWorkAtMeasurement", "coalesce(sum(at_work), 0)")
            .value("measuredAfter12Months", "coalesce(sum(measured_after_12_months), 0)")
            .value("atWorkWithin12Months", "coalesce(sum(at_work_within_12_months), 0)")
            .value("percentAtWorkAtMeasurement", "round(100.0 * sum(at_work) / nullif(sum(measured), 0), 1)")
            .value("percentAtWorkWithin12Months",
                    "round(100.0 * sum(at_work_within_12_months) / nullif(sum(measured_after_12_months), 0), 1)")
            .readingFrom("trajectory");

    /**
     * Registrations (trajectories, instruments, plan and report uploads, transfers) and how many VDAB's
     * helpdesk did; and the requests to the helpdesk by the day they were filed, their kind and
     * outcome, with the registrations made to fulfil them (2017 question). A row holds either
     * registrations (no request kind) or requests (resource type HELPDESK_REQUEST).
     */
    public static final Figure HELPDESK = Figure.in("statistics_helpdesk")
            .events("""
                    select ocmw_id, id as trajectory_id, start_date as day, 'TRAJECTORY' as resource_type, on_behalf,
                           null::varchar as request_kind, null::varchar as request_outcome, 0 as made
                    from trajectory
                    union all
                    select ocmw_id, trajectory_id, start_date, 'INSTRUMENT', on_behalf, null, null, 0 from instrument
                    union all
                    select ocmw_id, trajectory_id, (uploaded_at at time zone 'Europe/Brussels')::date, 'DOCUMENT_VERSION',
                           on_behalf, null, null, 0
                    from document_version
                    union all
                    select ocmw_id, trajectory_id, transfer_date, 'TRANSFER', on_behalf, null, null, 0 from transfer
                    union all
                    select r.ocmw_id, null::uuid, (r.requested_at at time zone 'Europe/Brussels')::date, 'HELPDESK_REQUEST',
                           false, r.kind,
                           r.status, (select count(*) from helpdesk_request_registration g where g.request_id = r.id)
                    from helpdesk_request r""")
            .dimension("resourceType", "resource_type")
            .dimension("requestKind", "request_kind")
            .dimension("requestOutcome", "request_outcome")
            .partial("registrations", "count(*) filter (where resource_type <> 'HELPDESK_REQUEST')")
            .partial("by_helpdesk", "count(*) filter (where on_behalf)")
            .partial("requests", "count(*) filter (where resource_type = 'HELPDESK_REQUEST')")
            .partial("registrations_made", "coalesce(sum(made), 0)")
            .value("registrations", "coalesce(sum(registrations), 0)")
            .value("byHelpdesk", "coalesce(sum(by_helpdesk), 0)")
            .value("requests", "coalesce(sum(requests), 0)")
            .value("registrationsForRequests", "coalesce(sum(registrations_made), 0)")
            .readingFrom("trajectory", "instrument", "document_version", "transfer", "helpdesk_request",
                    "helpdesk_request_registration");

    /** OCMW staff who followed VDAB's registration training, by the training's date. */
    public static final Figure COACHES = Figure.in("statistics_coaches")
            .events("""
                    select c.organisation_id as ocmw_id, null::uuid as trajectory_id, c.trained_on as day
                    from coach c join organisation o on o.id = c.organisation_id and o.kind = 'OCMW'
                    where c.trained_on is not null""")
            .partial("trained", "count(*)")
            .value("coachesTrained", "coalesce(sum(trained), 0)")
            .readingFrom("coach");

    /**
     * Trajectories by their start date: the plan kinds they have (a non-withdrawn version of a POP,
     * GPMI or other plan), and whether the first plan came by its due date (start + the configured
     * days), after it, or not yet while overdue or not yet due; with own dimensions the plan method
     * the OCMW recorded and why it is not the POP (2021 question), and how many OCMWs a row holds.
     */
    public static final Figure PLANS = Figure.in("statistics_plans")
            .events("""
                    select t.ocmw_id, t.id as trajectory_id, t.start_date as day, p.kinds, p.first_day,
                           t.start_date + :planDueDays as due_day,
                           coalesce(pm.method, 'NOT_RECORDED') as plan_method, coalesce(pm.reason, 'NONE') as plan_method_reason
                    from trajectory t
                    left join plan_method pm on pm.ocmw_id = t.ocmw_id
                    cross join lateral (
                        select array_agg(distinct d.kind) as kinds,
                               min((v.uploaded_at at time zone 'Europe/Brussels')::date) as first_day
                        from document d join document_version v on v.document_id = d.id
                        where d.trajectory_id = t.id and d.kind <> 'REPORT' and v.withdrawn_at is null) p""")
            .dimension("planMethod", "plan_method")
            .dimension("planMethodReason", "plan_method_reason")
            .partial("trajectories", "count(*)")
            .partial("with_pop", "count(*) filter (where 'POP' = any(kinds))")
            .partial("with_gpmi", "count(*) filter (where 'GPMI' = any(kinds))")
            .partial("with_other", "count(*) filter (where 'OTHER_PLAN' = any(kinds))")
            .partial("on_time", "count(*) filter (where first_day <= due_day)")
            .partial("late", "count(*) filter (where first_day > due_day)")
            .partial("missing", "count(*) filter (where first_day is null and due_day < :today)")
            .partial("not_yet_due", "count(*) filter (where first_day is null and due_day >= :today)")
            .value("trajectories", "coalesce(sum(trajectories), 0)")
            .value("withPop", "coalesce(sum(with_pop), 0)")
            .value("withGpmi", "coalesce(sum(with_gpmi), 0)")
            .value("withOtherPlan", "coalesce(sum(with_other), 0)")
            .value("planOnTime", "coalesce(sum(on_time), 0)")
            .value("planLate", "coalesce(sum(late), 0)")
            .value("planMissing", "coalesce(sum(missing), 0)")
            .value("planNotYetDue", "coalesce(sum(not_yet_due), 0)")
            .value("ocmws", "count(distinct ocmw_id)")
            .summing("trajectories", "planOnTime", "planLate", "planMissing", "planNotYetDue")
            .readingFrom("trajectory", "document", "document_version", "plan_method");

    /** Every figure, each kept in its own table. */
    public static final List<Figure> ALL = List.of(STARTS, ENDS, INSTRUMENTS, TARGET_YEARS, TRAININGS, TRANSFERS,
            FOLLOW_UPS, OUTCOMES, HELPDESK, COACHES, PLANS);
}
