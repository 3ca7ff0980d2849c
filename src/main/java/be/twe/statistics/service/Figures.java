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

    /** {@code count(*) filter (where column = 'VALUE')} for each answer name and value. */
    private static Map<String, String> counts(String column, String... namesAndValues) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            counts.put(namesAndValues[i], "count(*) filter (where " + column + " = '" + namesAndValues[i + 1] + "')");
        }
        return counts;
    }
}
