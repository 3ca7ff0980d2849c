package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;
import be.twe.statistics.service.StatisticsSql.Filter;

/**
 * Answers with {@code disclosure=PUBLIC} (ADR 0030): suppression decided over everything the caller
 * may see, at every level at once ({@link Disclosure}), then the filters pick rows. Filtering
 * before suppressing would make a cell's suppression depend on the filter, and two answers
 * differing in it would reveal the cell.
 */
@ApplicationScoped
public class PublicStatistics {
    @Inject
    StatisticsSql statistics;
    @ConfigProperty(name = "twe.statistics.disclosure-threshold", defaultValue = "5")
    int threshold;

    public int threshold() {
        return threshold;
    }

    public List<Map<String, Object>> rows(Figure figure, Grouping grouping, Filter filter) {
        List<String> dimensions = grouping.dimensions();
        refuseUnless(filter.fromYear() == null || dimensions.contains("year"), "fromYear", filter.fromYear(),
                Text.of("public.group-by-year"));
        refuseUnless(filter.toYear() == null || dimensions.contains("year"), "toYear", filter.toYear(),
                Text.of("public.group-by-year"));
        refuseUnless(filter.province() == null || dimensions.contains("province"), "province", filter.province(),
                Text.of("public.group-by", "province"));
        refuseUnless(filter.nisCode() == null || dimensions.contains("municipality"), "nisCode", filter.nisCode(),
                Text.of("public.group-by", "municipality"));
        refuseUnless(filter.clusterId() == null, "clusterId", filter.clusterId(),
                Text.of("public.no-cluster"));

        List<String> finest = new ArrayList<>(List.of("year", "province", "municipality"));
        dimensions.stream().filter(d -> !finest.contains(d)).forEach(finest::add);
        Grouping byEverything = new Grouping(List.copyOf(finest), grouping.columnsByDimension());
        Filter everything = new Filter(null, null, null, null, null, filter.municipalities());
        return Disclosure.publishable(figure, byEverything, statistics.rows(figure, byEverything, everything),
                        grouping, statistics.rows(figure, grouping, everything), threshold)
                .stream().filter(row -> picked(row, filter)).toList();
    }

    private static boolean picked(Map<String, Object> row, Filter filter) {
        Object year = row.get("year");
        return (filter.fromYear() == null || ((Number) year).intValue() >= filter.fromYear())
                && (filter.toYear() == null || ((Number) year).intValue() <= filter.toYear())
                && (filter.province() == null || filter.province().equals(row.get("provinceNisCode")))
                && (filter.nisCode() == null || filter.nisCode().equals(row.get("municipalityNisCode")));
    }

    private static void refuseUnless(boolean allowed, String parameter, Object value, Text detail) {
        if (!allowed) {
            throw new InvalidInputProblem(new Issue("query", parameter, Objects.toString(value), detail));
        }
    }
}
