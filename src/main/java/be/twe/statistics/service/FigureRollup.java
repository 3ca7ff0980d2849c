package be.twe.statistics.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import be.twe.statistics.service.StatisticsSql.Filter;
import be.twe.statistics.service.StatisticsSql.Municipalities;

/**
 * The statements of one rollup (ADR 0044): a figure with lists, summed over every OCMW into one
 * row per group of a grouping. Its groups change by the parts a refresh takes out and puts back
 * (ADR 0043): counts add, durations are counts per whole day, ids are counted per group.
 *
 * @param id          the rollup's row in {@code statistics_rollup}
 * @param expressions the grouping's SQL expressions, whitelisted by {@link Grouping}
 * @param scope       the filters that cut through its groups (years not grouped by, a province or
 *                    municipality not grouped by), applied when its rows are summed; the others
 *                    pick whole groups when it answers
 */
record FigureRollup(long id, Figure figure, List<String> expressions, Municipalities municipalities, Filter scope) {
    /** The parts of the trajectories in {@code :trajectories}. */
    static final String TRAJECTORIES = "s.trajectory_id = any(cast(string_to_array(:trajectories, ',') as uuid[]))";
    /** The parts of the OCMWs in {@code :ocmws}. */
    static final String OCMWS = "s.ocmw_id = any(string_to_array(:ocmws, ','))";
    private static final String DAYS = "days";
    private static final Pattern NIS_CODE = Pattern.compile("\\d{5}");

    /**
     * Whether a figure's answers can come from rollups: it has lists (what makes reading its
     * aggregates slow), and its values are sums of counts, distinct ids or the median.
     */
    static boolean kept(Figure figure) {
        return !figure.lists().isEmpty() && figure.values().values().stream().noneMatch(v -> v.contains("ocmw_id"));
    }

    /**
     * Whether a rollup answers the filter: any but a cluster's, whose OCMWs change with its
     * mandates.
     */
    static boolean answers(Filter filter) {
        return filter.clusterId() == null;
    }

    /**
     * The filters a rollup of the grouping is summed under: those that do not pick whole groups
     * (years when not grouped by year, a province or municipality when not grouped by it).
     */
    static Filter scope(Grouping grouping, Filter filter) {
        List<String> grouped = grouping.dimensions();
        boolean years = !grouped.contains("year");
        return new Filter(years ? filter.fromYear() : null, years ? filter.toYear() : null,
                grouped.contains("province") ? null : filter.province(),
                grouped.contains("municipality") ? null : filter.nisCode(), null, filter.municipalities());
    }

    /** The scope as stored with the rollup: {@code fromYear;toYear;province;nisCode}, empty parts for none. */
    static String scopeText(Filter scope) {
        return String.join(";", text(scope.fromYear()), text(scope.toYear()), text(scope.province()),
                text(scope.nisCode()));
    }

    /** The scope stored with a rollup. */
    static Filter scopeOf(String text, Municipalities municipalities) {
        String[] parts = text.split(";", -1);
        return new Filter(parts[0].isEmpty() ? null : Integer.valueOf(parts[0]),
                parts[1].isEmpty() ? null : Integer.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2],
                parts[3].isEmpty() ? null : parts[3], null, municipalities);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** What a rollup of the figure was built from: another definition makes it worthless. */
    static String definition(Figure figure) {
        String text = String.join("\n", figure.table(), figure.events(), figure.dimensions().toString(),
                figure.partials().toString());
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same rollup, stored under {@code id}. */
    FigureRollup withId(long id) {
        return new FigureRollup(id, figure, expressions, municipalities, scope);
    }

    private List<String> counts() {
        return figure.partials().keySet().stream().filter(c -> !figure.lists().contains(c)).toList();
    }

    /** The lists of ids, whose distinct members are counted per group (not the durations). */
    private List<String> ids() {
        return figure.lists().stream().filter(l -> !l.equals(DAYS)).toList();
    }

    private boolean durations() {
        return figure.lists().contains(DAYS);
    }

    private boolean placed() {
        return scope.province() != null || scope.nisCode() != null
                || expressions.stream().anyMatch(e -> e.startsWith("municipality_") || e.startsWith("province_"));
    }

    /** The scope as SQL conditions on the placed rows, its values checked before they are written in. */
    private String scoped() {
        StringBuilder conditions = new StringBuilder();
        if (scope.fromYear() != null) {
            conditions.append(" and s.year >= ").append(scope.fromYear().intValue());
        }
        if (scope.toYear() != null) {
            conditions.append(" and s.year <= ").append(scope.toYear().intValue());
        }
        for (String[] place : List.of(new String[] {"_province_nis_code", scope.province()},
                new String[] {"_nis_code", scope.nisCode()})) {
            if (place[1] != null) {
                if (!NIS_CODE.matcher(place[1]).matches()) {
                    throw new IllegalArgumentException("not a NIS code: " + place[1]);
                }
                conditions.append(" and my.").append(municipalities.columns).append(place[0]).append(" = '")
                        .append(place[1]).append('\'');
            }
        }
        return conditions.toString();
    }

    /**
     * Adds ({@code sign} 1) or takes out (-1) the rows of {@code source} (the figure's parts or
     * aggregates) that {@code condition} selects, and marks the groups it changed as touched. An
     * id counts for its group's distinct ids while any part holds it: its count going from zero
     * or to zero changes them.
     */
    String apply(int sign, String source, String condition) {
        String where = "where " + condition + scoped();
        String rows = placed() ? StatisticsSql.placedIn(municipalities.columns, source + " s", where)
                : "select s.* from %s s %s".formatted(source, where);
        StringBuilder sql = new StringBuilder("""
                with placed as (%s),
                keyed as (select %s as key, placed.* from placed)""".formatted(rows, key()));
        List<String> ids = ids();
        List<String> distincts = new ArrayList<>();
        StringBuilder changes = new StringBuilder();
        for (int list = 1; list <= ids.size(); list++) {
            sql.append("""
                    ,
                    ids%1$d as (select key, x as member, %2$d * count(*) as c from keyed cross join unnest(keyed.%3$s) x
                               group by key, x),
                    members%1$d as (insert into statistics_rollup_member as m (rollup_id, key, list, member, n)
                                   select %4$d, key, %1$d, member, c from ids%1$d
                                   on conflict (rollup_id, key, list, member) do update set n = m.n + excluded.n
                                   returning key, member, n),
                    distinct%1$d as (select m.key, sum(case when m.n = i.c and i.c > 0 then 1
                                                          when m.n = 0 and i.c < 0 then -1 else 0 end) as d
                                    from members%1$d m join ids%1$d i on i.key = m.key and i.member = m.member
                                    group by m.key)""".formatted(list, sign, ids.get(list - 1), id));
            distincts.add("coalesce(d%d.d, 0)".formatted(list));
            changes.append(" left join distinct%1$d d%1$d on d%1$d.key = k.key".formatted(list));
        }
        List<String> sums = counts().stream().map(c -> "%d * sum(%s)".formatted(sign, c)).toList();
        String days = durations() ? "histogram_of(array_cat_agg(days), %d)".formatted(sign) : "'{}'::int[]";
        return sql.append("""
                ,
                grouped as (select k.*, array[%s]::bigint[] as distincts
                            from (select key, array[%s]::bigint[] as counts, %s as days from keyed group by key) k%s),
                groups as (insert into statistics_rollup_group as g (rollup_id, key, counts, days, distincts)
                           select %d, key, counts, days, distincts from grouped
                           on conflict (rollup_id, key) do update
                           set counts = array_add(g.counts, excluded.counts), days = histogram_add(g.days, excluded.days),
                               distincts = array_add(g.distincts, excluded.distincts)
                           returning key)
                insert into statistics_rollup_touched (rollup_id, key) select %d, key from groups
                on conflict do nothing""".formatted(String.join(", ", distincts), String.join(", ", sums), days,
                changes, id, id)).toString();
    }

    /** The group's key: the grouping's values as text. */
    private String key() {
        return expressions.isEmpty() ? "'{}'::text[]"
                : "array[" + String.join(", ", expressions.stream().map(e -> e + "::text").toList()) + "]";
    }

    /**
     * Settles the touched groups: removes those left without events (every count zero) and the
     * ids no part holds any more, and computes the others' median again; nothing is touched after.
     */
    String settle() {
        return """
                with touched as (delete from statistics_rollup_touched where rollup_id = %1$d returning key),
                emptied as (delete from statistics_rollup_group g using touched t
                            where g.rollup_id = %1$d and g.key = t.key and 0 = all(g.counts)),
                gone as (delete from statistics_rollup_member where rollup_id = %1$d and n = 0)
                update statistics_rollup_group g set median = %2$s
                from touched t where g.rollup_id = %1$d and g.key = t.key and 0 <> any(g.counts)"""
                .formatted(id, durations() ? "histogram_median(g.days)" : "null");
    }

    /**
     * The answer: the figure's values over the one row of each group, the counts cast back to the
     * types of the aggregate table's columns ({@code types}: column -> SQL type), so that a value
     * has the same type as when it is computed from the aggregates, and a distinct count 0 over no
     * rows (an answer without groups, before any event), as there. Adds the filter's parameters.
     */
    String answer(Filter filter, Map<String, String> types, List<Object> parameters) {
        List<String> columns = new ArrayList<>(List.of("key", "median"));
        List<String> counts = counts();
        for (int i = 0; i < counts.size(); i++) {
            columns.add("counts[%d]::%s as %s".formatted(i + 1, types.get(counts.get(i)), counts.get(i)));
        }
        List<String> ids = ids();
        for (int i = 0; i < ids.size(); i++) {
            columns.add("distincts[%d] as %s".formatted(i + 1, ids.get(i)));
        }
        List<String> select = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            select.add("key[%d]%s".formatted(i + 1, expressions.get(i).equals("year") ? "::int" : ""));
        }
        figure.values().values().forEach(v -> select.add(v.startsWith(Figure.DISTINCT)
                ? "coalesce(min(" + v.substring(Figure.DISTINCT.length(), v.length() - 2) + "), 0)" : v));
        if (figure.median() != null) {
            select.add("round(min(median)::numeric / 30.4375, 1)");
        }
        StringBuilder where = new StringBuilder("rollup_id = " + id);
        // the filters not in its scope pick whole groups
        pick(where, "year", " >= ?", scope.fromYear() == null ? filter.fromYear() : null, parameters);
        pick(where, "year", " <= ?", scope.toYear() == null ? filter.toYear() : null, parameters);
        pick(where, "province_nis_code", " = ?", scope.province() == null ? filter.province() : null, parameters);
        pick(where, "municipality_nis_code", " = ?", scope.nisCode() == null ? filter.nisCode() : null, parameters);
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= expressions.size(); i++) {
            positions.add(Integer.toString(i));
        }
        return "select %s from (select %s from statistics_rollup_group where %s) s%s".formatted(
                String.join(", ", select), String.join(", ", columns), where,
                expressions.isEmpty() ? "" : " group by key order by " + String.join(", ", positions));
    }

    private void pick(StringBuilder where, String expression, String comparison, Object value, List<Object> parameters) {
        if (value != null) {
            int at = expressions.indexOf(expression) + 1;
            where.append(" and key[").append(at).append(']').append(expression.equals("year") ? "::int" : "")
                    .append(comparison);
            parameters.add(value);
        }
    }
}
