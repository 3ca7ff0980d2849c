package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;

/**
 * The dimensions a statistics row is grouped by, each a whitelisted SQL expression over the
 * placed events ({@code year}, {@code province}, {@code municipality}): the caller's text never
 * reaches the SQL.
 */
public record Grouping(List<String> dimensions) {
    /** Dimension name -> the columns it selects and groups by. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "year", List.of("extract(year from day)::int as year"),
            "province", List.of("province_nis_code", "province_name"),
            "municipality", List.of("municipality_nis_code", "municipality_name"));

    /** From {@code groupBy=year,province} (also repeated parameters); 400 naming an unknown one. */
    public static Grouping of(List<String> groupBy) {
        Set<String> dimensions = new LinkedHashSet<>();
        for (String value : groupBy == null ? List.<String>of() : groupBy) {
            for (String name : value.split(",")) {
                String dimension = name.trim();
                if (!COLUMNS.containsKey(dimension)) {
                    throw new InvalidInputProblem(new Issue("query", "groupBy", dimension,
                            "One of year, province, municipality."));
                }
                dimensions.add(dimension);
            }
        }
        return new Grouping(List.copyOf(dimensions));
    }

    /** The select list of the dimensions (empty: one total row). */
    String select() {
        List<String> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.addAll(COLUMNS.get(d)));
        return columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
    }

    /** The group-by and order-by list: the column positions of the dimensions. */
    String positions() {
        int count = dimensions.stream().mapToInt(d -> COLUMNS.get(d).size()).sum();
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            positions.add(Integer.toString(i));
        }
        return String.join(", ", positions);
    }
}
