package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A figure, kept as partial values per OCMW and year in its own table (ADR 0014).
 *
 * @param table      the aggregate table: {@code ocmw_id}, {@code year}, the dimensions' columns and the partials
 * @param events     SQL of the counted events: {@code ocmw_id}, {@code day} (which sets the year), the
 *                   dimensions' columns and whatever the partials read
 * @param dimensions the figure's own dimensions: answer name -> column (of the events and the table)
 * @param partials   table column -> aggregate over one OCMW's events of a year
 * @param values     answer name -> aggregate over the table's rows of a group
 * @param median     answer name of a median in months over the table's {@code days} arrays, or null
 * @param sources    the tables the events read: a write to another one leaves the figure as it is
 * @param sums       answer name of a count -> the counts of the same row it is the sum of, which
 *                   publishing must not let reveal one another (ADR 0030)
 */
public record Figure(String table, String events, Map<String, String> dimensions, Map<String, String> partials,
                     Map<String, String> values, String median, Set<String> sources,
                     Map<String, List<String>> sums) {

    /** A figure kept in {@code table}, defined step by step (see {@link Figures}). */
    static Builder in(String table) {
        return new Builder(table);
    }

    static final class Builder {
        private final String table;
        private String events;
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final Map<String, String> partials = new LinkedHashMap<>();
        private final Map<String, String> values = new LinkedHashMap<>();
        private String median;
        private final Map<String, List<String>> sums = new LinkedHashMap<>();

        private Builder(String table) {
            this.table = table;
        }

        /** The SQL of the counted events. */
        Builder events(String sql) {
            events = sql;
            return this;
        }

        /** An own dimension: its name in the answer and its column. */
        Builder dimension(String name, String column) {
            dimensions.put(name, column);
            return this;
        }

        /** A column of the aggregate table and the aggregate over one OCMW's events of a year that fills it. */
        Builder partial(String column, String aggregate) {
            partials.put(column, aggregate);
            return this;
        }

        /** A value of the answer and the aggregate over the table's rows of a group that gives it. */
        Builder value(String name, String aggregate) {
            values.put(name, aggregate);
            return this;
        }

        /** The answer's median in months over the table's {@code days} arrays, under this name. */
        Builder median(String name) {
            median = name;
            return this;
        }

        /** In every row, {@code total} is the sum of {@code parts} (ADR 0030). */
        Builder summing(String total, String... parts) {
            sums.put(total, List.of(parts));
            return this;
        }

        /** The tables the events read; the figure is complete. */
        Figure readingFrom(String... sources) {
            return new Figure(table, events, dimensions, partials, values, median, Set.of(sources), sums);
        }
    }

    static final String DISTINCT = "distinct_count(array_cat_agg(";

    /**
     * The number of distinct ids in the partial arrays of {@code column} over a group: a count of
     * persons or records that, unlike the sums, does not add up over groups (V27).
     */
    static String distinct(String column) {
        return DISTINCT + column + "))";
    }

    /** The answer's names of distinct counts, which publishing suppresses below the threshold on their own. */
    public List<String> distinctNames() {
        return values.entrySet().stream().filter(v -> v.getValue().startsWith(DISTINCT))
                .map(Map.Entry::getKey).toList();
    }

    /** The answer's names of the counts (sums of partial counts); the other values are derived from counts. */
    public List<String> countNames() {
        return values.entrySet().stream().filter(v -> v.getValue().startsWith("coalesce(sum("))
                .map(Map.Entry::getKey).toList();
    }

    /** The partial columns that are lists (durations, ids) rather than counts: they are concatenated, not summed. */
    public List<String> lists() {
        return partials.entrySet().stream().filter(p -> p.getValue().contains("array_agg(")).map(Map.Entry::getKey)
                .toList();
    }

    /** Whether the figure changes with the day (years that passed, plans overdue) without any write. */
    public boolean dependsOnDay() {
        return events.contains(":today") || partials.values().stream().anyMatch(p -> p.contains(":today"));
    }

    /** The answer's names of the values, the median last. */
    public List<String> valueNames() {
        List<String> names = new ArrayList<>(values.keySet());
        if (median != null) {
            names.add(median);
        }
        return names;
    }
}
