package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Answers a figure from its yearly aggregates (ADR 0014), brought up to date first: the rows of
 * each OCMW and year, placed in the OCMW's municipality and province of that year (or the 2025
 * one it became), restricted by row-level security to what the caller may see, filtered and
 * grouped. VDAB's answers of a figure with lists come from the grouping's rollup instead (ADR 0044).
 */
@ApplicationScoped
public class StatisticsSql {
    /**
     * Which municipality an event is reported under: valid in its year, the 2019-2024 one a
     * municipality of 2017-2018 became, or the current one it became; each a column prefix of the
     * municipality_year view.
     */
    public enum Municipalities {
        AT_EVENT("at_event"), MERGED_2019("merged_2019"), MERGED_2025("merged");

        final String columns;

        Municipalities(String columns) {
            this.columns = columns;
        }
    }

    public record Filter(Integer fromYear, Integer toYear, String province, String nisCode, String clusterId,
                         Municipalities municipalities) {
    }

    @Inject
    EntityManager em;
    @Inject
    StatisticsRefresh refresh;
    @Inject
    StatisticsRollups rollups;

    /**
     * The rows, each as answer name -> value, ordered by the groups. The refresh commits first, in
     * transactions of its own; the answer's transaction starts after it, so that a long refresh
     * (after an upgrade) does not use up the answer's transaction timeout.
     */
    public List<Map<String, Object>> rows(Figure figure, Grouping grouping, Filter filter) {
        refresh.refresh();
        return QuarkusTransaction.joiningExisting().call(() -> query(figure, grouping, filter));
    }

    private List<Map<String, Object>> query(Figure figure, Grouping grouping, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = rollups.answering(figure, grouping, filter)
                .map(rollup -> rollup.answer(filter, rollups.types(figure), parameters))
                .orElseGet(() -> fromAggregates(figure, grouping, filter, parameters));
        List<String> names = new ArrayList<>(grouping.columns());
        names.addAll(figure.valueNames());
        @SuppressWarnings("unchecked")
        NativeQuery<Map<String, Object>> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .setTupleTransformer((values, aliases) -> row(names, values));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /** The answer computed from the aggregate rows in scope; adds the filter's parameters. */
    private static String fromAggregates(Figure figure, Grouping grouping, Filter filter, List<Object> parameters) {
        String place = filter.municipalities().columns;
        String placed = placed(figure, grouping, filter, place, scope(filter, place, parameters));
        return figure.median() == null ? totals(figure, grouping, placed) : withMedian(figure, grouping, placed);
    }

    /**
     * The figure's aggregate rows in scope, with their place (municipality and province) only
     * when grouped or filtered by it: the place costs two joins per row. Rows without lists are
     * first summed per OCMW, year and the grouped dimensions, so that fewer rows are placed (the
     * ends per municipality and year place 3,270 rows instead of 18,915 at ten times the volume).
     */
    private static String placed(Figure figure, Grouping grouping, Filter filter, String place, Scope scope) {
        if (!grouping.placed() && filter.province() == null && filter.nisCode() == null) {
            return "select s.* from %s s %s".formatted(figure.table(), scope.rows());
        }
        String rows = figure.table() + " s";
        String where = scope.rows() + scope.places();
        if (figure.lists().isEmpty()) {
            List<String> key = new ArrayList<>(List.of("ocmw_id", "year"));
            figure.dimensions().forEach((name, column) -> {
                if (grouping.dimensions().contains(name)) {
                    key.add(column);
                }
            });
            List<String> select = new ArrayList<>(key);
            figure.partials().keySet().forEach(column -> select.add("sum(" + column + ") as " + column));
            rows = "(select %s from %s s %s group by %s) s".formatted(String.join(", ", select), figure.table(),
                    scope.rows(), String.join(", ", key));
            where = "where true" + scope.places();
        }
        return placedIn(place, rows, where);
    }

    /**
     * Rows ({@code rows}: a from item named {@code s}, with ocmw_id and year) with their
     * municipality and province ({@code place}: the mapping's column prefix); {@code where} may
     * filter on {@code s} and {@code my}, the place. Also what a rollup sums (ADR 0044).
     */
    static String placedIn(String place, String rows, String where) {
        return """
                select s.*, my.%1$s_nis_code as municipality_nis_code, my.%1$s_name as municipality_name,
                       my.%1$s_province_nis_code as province_nis_code, my.%1$s_province_name as province_name
                from %2$s
                join organisation o on o.id = s.ocmw_id
                join municipality_year my on my.nis_code = o.nis_code and my.year = s.year
                %3$s""".formatted(place, rows, where);
    }

    /** The filters on the aggregate rows (a where clause) and on their place (conditions to add). */
    private record Scope(String rows, String places) {
    }

    /**
     * The filters, on the aggregate rows and their place; adds their parameters, those of the rows
     * first. Which OCMWs' rows the caller reads is row-level security's (acting_for).
     */
    private static Scope scope(Filter filter, String place, List<Object> parameters) {
        StringBuilder rows = new StringBuilder("where true");
        if (filter.fromYear() != null) {
            rows.append(" and s.year >= ?");
            parameters.add(filter.fromYear());
        }
        if (filter.toYear() != null) {
            rows.append(" and s.year <= ?");
            parameters.add(filter.toYear());
        }
        if (filter.clusterId() != null) {
            rows.append(" and exists (select 1 from mandate md where md.cluster_id = ? and md.ocmw_id = s.ocmw_id"
                    + " and extract(year from md.valid_from) <= s.year"
                    + " and (md.valid_to is null or extract(year from md.valid_to) >= s.year))");
            parameters.add(filter.clusterId());
        }
        StringBuilder places = new StringBuilder();
        if (filter.province() != null) {
            places.append(" and my.").append(place).append("_province_nis_code = ?");
            parameters.add(filter.province());
        }
        if (filter.nisCode() != null) {
            places.append(" and my.").append(place).append("_nis_code = ?");
            parameters.add(filter.nisCode());
        }
        return new Scope(rows.toString(), places.toString());
    }

    private static String totals(Figure figure, Grouping grouping, String placed) {
        List<String> select = new ArrayList<>(grouping.expressions());
        select.addAll(figure.values().values());
        return "with placed as (%s) select %s from placed %s".formatted(placed, String.join(", ", select),
                groupAndOrder(grouping.expressions().size()));
    }

    /**
     * The totals joined to the median of the groups' {@code days}, computed over the same rows.
     * The rows are read twice rather than materialized: copying their arrays cost twice the time.
     */
    private static String withMedian(Figure figure, Grouping grouping, String placed) {
        List<String> groups = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (int i = 0; i < grouping.expressions().size(); i++) {
            groups.add(grouping.expressions().get(i) + " as g" + i);
            joins.add("t.g" + i + " is not distinct from m.g" + i);
        }
        List<String> totals = new ArrayList<>(groups);
        List<String> answer = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            answer.add("t.g" + i);
        }
        int v = 0;
        for (String expression : figure.values().values()) {
            totals.add(expression + " as v" + v);
            answer.add("t.v" + v++);
        }
        answer.add("m.median");
        List<String> medians = new ArrayList<>(groups);
        medians.add("round((percentile_cont(0.5) within group (order by d))::numeric / 30.4375, 1) as median");
        String group = groupAndOrder(groups.size());
        return """
                with placed as not materialized (%s),
                totals as (select %s from placed %s),
                medians as (select %s from placed cross join unnest(placed.days) d %s)
                select %s from totals t left join medians m on %s %s""".formatted(placed,
                String.join(", ", totals), group, String.join(", ", medians), group,
                String.join(", ", answer), joins.isEmpty() ? "true" : String.join(" and ", joins),
                joins.isEmpty() ? "" : "order by " + String.join(", ", answer.subList(0, groups.size())));
    }

    private static String groupAndOrder(int columns) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            positions.add(Integer.toString(i));
        }
        return positions.isEmpty() ? "" : "group by " + String.join(", ", positions) + " order by "
                + String.join(", ", positions);
    }

    private static Map<String, Object> row(List<String> names, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values[i]);
        }
        return row;
    }
}
