package be.twe.statistics.service;

import java.util.ArrayList;
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
 */
public record Figure(String table, String events, Map<String, String> dimensions, Map<String, String> partials,
                     Map<String, String> values, String median, Set<String> sources) {

    /** The answer's names of the values, the median last. */
    public List<String> valueNames() {
        List<String> names = new ArrayList<>(values.keySet());
        if (median != null) {
            names.add(median);
        }
        return names;
    }
}
