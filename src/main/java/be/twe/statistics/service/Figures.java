package be.twe.statistics.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures: which events each counts and how. */
public final class Figures {
    private Figures() {
    }

    /** Trajectories and instruments of each type, by their start date. */
    public static final StatisticsSql.Figure STARTS = new StatisticsSql.Figure("""
            select ocmw_id, start_date as day, 'TRAJECTORY' as what from trajectory
            union all
            select ocmw_id, start_date, type from instrument""", counts("what", "trajectories", "TRAJECTORY",
            "art60", "ART60", "bvs", "BVS", "training", "TRAINING", "wes", "WES", "ibo", "IBO"));

    /** Trajectories that ended, by their end date; own dimension {@code endReason}. */
    public static final StatisticsSql.Figure ENDS = new StatisticsSql.Figure("""
            select ocmw_id, end_date as day, end_reason from trajectory where end_date is not null""",
            Map.of("trajectories", "count(*)"));

    public static final Map<String, String> ENDS_DIMENSIONS = Map.of("endReason", "end_reason");

    /**
     * Instruments by their start date: how many ended and how, and the duration in months (days /
     * 30.4375, the end day included) of the ended ones, average and median.
     */
    public static final StatisticsSql.Figure INSTRUMENTS = new StatisticsSql.Figure("""
            select ocmw_id, start_date as day, type, coalesce(outcome, 'RUNNING') as outcome, end_date,
                   (end_date - start_date + 1) / 30.4375 as months
            from instrument""", ordered(
            "started", "count(*)",
            "ended", "count(end_date)",
            "completed", "count(*) filter (where outcome = 'COMPLETED')",
            "stoppedEarly", "count(*) filter (where outcome = 'STOPPED_EARLY')",
            "takenOver", "count(*) filter (where outcome = 'TAKEN_OVER_BY_VDAB')",
            "averageMonths", "round(avg(months)::numeric, 1)",
            "medianMonths", "round((percentile_cont(0.5) within group (order by months))::numeric, 1)"));

    public static final Map<String, String> INSTRUMENTS_DIMENSIONS = ordered("instrumentType", "type",
            "outcome", "outcome");

    private static Map<String, String> ordered(String... namesAndExpressions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndExpressions.length; i += 2) {
            map.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
        }
        return map;
    }

    /** {@code count(*) filter (where column = 'VALUE')} for each answer name and value. */
    private static Map<String, String> counts(String column, String... namesAndValues) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            counts.put(namesAndValues[i], "count(*) filter (where " + column + " = '" + namesAndValues[i + 1] + "')");
        }
        return counts;
    }
}
