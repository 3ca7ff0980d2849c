package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * The dimensions a statistics row is grouped by, each a whitelisted SQL column of the placed
 * aggregate rows with the name it has in the answer: the caller's text never reaches the SQL.
 */
public record Grouping(List<String> dimensions, Map<String, Map<String, String>> columnsByDimension) {
    /** year, province and municipality, which every figure has: answer name -> SQL expression. */
    static final Map<String, Map<String, String>> COMMON = common();

    /** In this order, so that a problem lists the dimensions the same way each time. */
    private static Map<String, Map<String, String>> common() {
        Map<String, Map<String, String>> common = new LinkedHashMap<>();
        common.put("year", Map.of("year", "year"));
        common.put("province", ordered("provinceNisCode", "province_nis_code", "provinceName", "province_name"));
        common.put("municipality", ordered("municipalityNisCode", "municipality_nis_code", "municipalityName",
                "municipality_name"));
        return java.util.Collections.unmodifiableMap(common);
    }

    /**
     * From {@code groupBy=year,province} (also repeated parameters), with the figure's own
     * dimensions (name -> SQL column of its events); 400 naming an unknown one.
     */
    public static Grouping of(List<String> groupBy, Map<String, String> own) {
        Map<String, Map<String, String>> known = new LinkedHashMap<>(COMMON);
        own.forEach((name, column) -> known.put(name, Map.of(name, column)));
        Set<String> dimensions = new LinkedHashSet<>();
        for (String value : groupBy == null ? List.<String>of() : groupBy) {
            for (String name : value.split(",")) {
                String dimension = name.trim();
                if (!known.containsKey(dimension)) {
                    throw new InvalidInputProblem(new Issue("query", "groupBy", dimension,
                            Text.of("must-be-one-of", String.join(", ", known.keySet()))));
                }
                dimensions.add(dimension);
            }
        }
        return new Grouping(List.copyOf(dimensions), known);
    }

    /** Whether a group is a place (municipality or province), which the aggregate rows do not hold. */
    boolean placed() {
        return dimensions.contains("municipality") || dimensions.contains("province");
    }

    /** The answer's names of the grouped columns, in order. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.addAll(columnsByDimension.get(d).keySet()));
        return columns;
    }

    /** The SQL expressions of the grouped columns, in the same order. */
    List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        dimensions.forEach(d -> expressions.addAll(columnsByDimension.get(d).values()));
        return expressions;
    }

    private static Map<String, String> ordered(String... namesAndColumns) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            map.put(namesAndColumns[i], namesAndColumns[i + 1]);
        }
        return map;
    }
}
