package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that keep a figure's aggregates from its parts (ADR 0043): the partials of each
 * trajectory's events per OCMW, year and dimensions, in {@code <table>_parts}. An OCMW is computed
 * whole (its parts from its events, its aggregates from its parts); a trajectory changes the
 * aggregates by its new parts minus its old ones. Counts add and subtract; lists of durations and
 * ids are multisets, concatenated and taken out element by element ({@code array_minus}).
 */
final class FigureParts {
    private final Figure figure;
    private final String parts;
    /** ocmw_id, year and the figure's own dimensions: an aggregate row's key. */
    private final List<String> key = new ArrayList<>();
    private final List<String> counts = new ArrayList<>();
    private final List<String> lists = new ArrayList<>();

    FigureParts(Figure figure) {
        this.figure = figure;
        this.parts = figure.table() + "_parts";
        key.add("ocmw_id");
        key.add("year");
        key.addAll(figure.dimensions().values());
        lists.addAll(figure.lists());
        figure.partials().keySet().stream().filter(column -> !lists.contains(column)).forEach(counts::add);
    }

    Figure figure() {
        return figure;
    }

    /** The table of the parts. */
    String table() {
        return parts;
    }

    /** The parts of the trajectories whose events {@code condition} selects, from their events. */
    private String partsFromEvents(String condition) {
        List<String> dimensions = List.copyOf(figure.dimensions().values());
        List<String> select = new ArrayList<>(List.of("trajectory_id", "ocmw_id", "extract(year from day)::int"));
        select.addAll(dimensions);
        select.addAll(figure.partials().values());
        List<String> group = new ArrayList<>();
        for (int i = 1; i <= 3 + dimensions.size(); i++) {
            group.add(Integer.toString(i));
        }
        return "insert into %s (trajectory_id, %s, %s) select %s from (%s) e where %s group by %s".formatted(parts,
                String.join(", ", key), String.join(", ", figure.partials().keySet()), String.join(", ", select),
                figure.events(), condition, String.join(", ", group));
    }

    /** Deletes the parts of the OCMWs in {@code :ocmws} (comma separated). */
    String deleteOcmwParts() {
        return "delete from " + parts + " where ocmw_id = any(string_to_array(:ocmws, ','))";
    }

    /** Computes the parts of the OCMWs in {@code :ocmws} from their events. */
    String insertOcmwParts() {
        return partsFromEvents("ocmw_id = any(string_to_array(:ocmws, ','))");
    }

    /** Deletes the aggregates of the OCMWs in {@code :ocmws}. */
    String deleteOcmwAggregates() {
        return "delete from " + figure.table() + " where ocmw_id = any(string_to_array(:ocmws, ','))";
    }

    /** Sums the parts of the OCMWs in {@code :ocmws} into their aggregates. */
    String insertOcmwAggregates() {
        List<String> select = new ArrayList<>(key);
        counts.forEach(c -> select.add("sum(" + c + ")"));
        lists.forEach(l -> select.add("array_cat_agg(" + l + ")"));
        return "insert into %s (%s) select %s from %s where ocmw_id = any(string_to_array(:ocmws, ',')) group by %s"
                .formatted(figure.table(), columns(), String.join(", ", select), parts, String.join(", ", key));
    }

    /**
     * For the trajectories in {@code :trajectories} (comma separated ids): replaces their parts by
     * new ones from their events, and changes each aggregate row they touch by the difference,
     * deleting a row left without events. One statement: its parts see one snapshot.
     */
    String replaceTrajectoryParts() {
        String keyList = String.join(", ", key);
        String valueList = String.join(", ", values());
        List<String> signed = new ArrayList<>(key);
        counts.forEach(c -> signed.add("-" + c));
        signed.addAll(lists);
        List<String> delta = new ArrayList<>(key);
        counts.forEach(c -> delta.add("sum(" + c + ") as " + c));
        lists.forEach(l -> {
            delta.add("array_cat_agg(" + l + ") filter (where added) as " + l + "_added");
            delta.add("array_cat_agg(" + l + ") filter (where not added) as " + l + "_removed");
        });
        List<String> merged = new ArrayList<>();
        key.forEach(k -> merged.add("d." + k));
        counts.forEach(c -> merged.add("coalesce(t.%1$s, 0) + d.%1$s as %1$s".formatted(c)));
        lists.forEach(l -> merged.add("array_minus(coalesce(t.%1$s, '{}') || d.%1$s_added, d.%1$s_removed) as %1$s"
                .formatted(l)));
        merged.add("t.ctid as existing");
        // the row has no events left when every count is zero and every list empty
        List<String> empty = new ArrayList<>();
        counts.forEach(c -> empty.add(c + " = 0"));
        lists.forEach(l -> empty.add("cardinality(" + l + ") = 0"));
        List<String> set = new ArrayList<>();
        values().forEach(v -> set.add(v + " = m." + v));
        return """
                with gone as (delete from %1$s where trajectory_id = any(cast(string_to_array(:trajectories, ',') as uuid[]))
                              returning %2$s, %3$s),
                fresh as (%4$s returning %2$s, %3$s),
                delta as (select %5$s from (select %2$s, %3$s, true as added from fresh
                                            union all select %6$s, false from gone) c group by %2$s),
                merged as (select *, %8$s as empty from (select %7$s from delta d left join %9$s t on %10$s) n),
                updated as (update %9$s t set %11$s from merged m where t.ctid = m.existing and not m.empty),
                removed as (delete from %9$s t using merged m where t.ctid = m.existing and m.empty)
                insert into %9$s (%2$s, %3$s) select %2$s, %3$s from merged where existing is null and not empty"""
                .formatted(parts, keyList, valueList,
                        partsFromEvents("trajectory_id = any(cast(string_to_array(:trajectories, ',') as uuid[]))"),
                        String.join(", ", delta), String.join(", ", signed), String.join(", ", merged),
                        String.join(" and ", empty),
                        figure.table(), keyMatch(), String.join(", ", set));
    }

    /**
     * An aggregate row of the delta's key: a dimension may be null (a helpdesk registration has no
     * request kind), and the plain equalities on OCMW and year let the planner use the table's index.
     */
    private String keyMatch() {
        List<String> match = new ArrayList<>();
        key.forEach(k -> match.add("t." + k + " is not distinct from d." + k));
        return "t.ocmw_id = d.ocmw_id and t.year = d.year and " + String.join(" and ", match);
    }

    private List<String> values() {
        List<String> values = new ArrayList<>(counts);
        values.addAll(lists);
        return values;
    }

    private String columns() {
        List<String> columns = new ArrayList<>(key);
        columns.addAll(values());
        return String.join(", ", columns);
    }
}
