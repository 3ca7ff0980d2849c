package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * Statistics safe to publish (issue 21, ADR 0030), decided over a table of every level at once:
 * the cells by year or not, by municipality, province or neither, and by each subset of the
 * figure's own dimensions asked for. Every cell of a level is the sum of the cells below it along
 * one dimension (municipalities add up to their province, provinces to Flanders, years to all
 * years), and in a row some counts add up to another ({@link Figure#sums()}).
 * <ul>
 * <li>Primary: every count of at least 1 and below the threshold is suppressed.</li>
 * <li>Secondary, repeated until nothing changes: no such sum and its parts have exactly one
 * suppressed count (it would be the difference), so one more is suppressed, the smallest non-zero
 * one; and a count equal to a suppressed one of its row is suppressed (grouped by an outcome, a
 * row has started = ended = completed).</li>
 * </ul>
 * An answer is one level of that table, so the answers by year, by municipality and by both agree
 * on every cell. Derived values (averages, medians, percentages) of a row with a suppressed count
 * are suppressed too, and so is a distinct count (clients, transfers) below the threshold: it does
 * not add up over groups, so it is decided per answered row.
 */
public final class Disclosure {
    public static final String SUPPRESSED = "suppressed";
    /** More cells than this (about 100 MB) is refused: a public table that detailed would be mostly suppressed. */
    static final int MAX_CELLS = 400_000;
    private static final List<String> PLACES = List.of("", "province", "municipality");

    /** A level: grouped by year or not, by a place (index in {@link #PLACES}), and by these own dimensions. */
    private record Level(boolean year, int place, List<String> own) {
        List<String> dimensions() {
            List<String> dimensions = new ArrayList<>();
            if (year) {
                dimensions.add("year");
            }
            if (place > 0) {
                dimensions.add(PLACES.get(place));
            }
            dimensions.addAll(own);
            return dimensions;
        }
    }

    private static final class Cell {
        final String key;
        final long[] counts;
        final boolean[] suppressed;

        Cell(String key, int size) {
            this.key = key;
            this.counts = new long[size];
            this.suppressed = new boolean[size];
        }
    }

    /** A cell and the cells that add up to it. */
    private record Sum(Cell total, Set<Cell> parts) {
    }

    private final Figure figure;
    private final Grouping grouping;
    private final List<String> counts;
    private final int threshold;
    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<Level, String> levelIds = new HashMap<>();
    /** The cells and the sums, sorted by key: decisions in the same order every time. */
    private List<Cell> ordered;
    private final List<Sum> sums = new ArrayList<>();

    private Disclosure(Figure figure, Grouping finest, int threshold) {
        this.figure = figure;
        this.grouping = finest;
        this.counts = figure.countNames();
        this.threshold = threshold;
    }

    /**
     * The rows of an answer, in their order, with suppressed values {@code null} and named in
     * {@value #SUPPRESSED}.
     *
     * @param finest the rows by year, province, municipality and the asked own dimensions,
     *               over everything the answer may cover
     * @param asked  the rows asked for, over the same
     */
    public static List<Map<String, Object>> publishable(Figure figure, Grouping finestGrouping,
                                                        List<Map<String, Object>> finest, Grouping askedGrouping,
                                                        List<Map<String, Object>> asked, int threshold) {
        Disclosure disclosure = new Disclosure(figure, finestGrouping, threshold);
        List<String> own = finestGrouping.dimensions().stream().filter(d -> !Grouping.COMMON.containsKey(d)).toList();
        disclosure.build(finest, own);
        disclosure.suppress();
        Level level = new Level(askedGrouping.dimensions().contains("year"),
                askedGrouping.dimensions().contains("municipality") ? 2
                        : askedGrouping.dimensions().contains("province") ? 1 : 0,
                own.stream().filter(askedGrouping.dimensions()::contains).toList());
        return asked.stream().map(row -> disclosure.answer(level, row)).toList();
    }

    private void build(List<Map<String, Object>> finest, List<String> own) {
        List<Level> levels = new ArrayList<>();
        for (int subset = 0; subset < 1 << own.size(); subset++) {
            List<String> dimensions = new ArrayList<>();
            for (int d = 0; d < own.size(); d++) {
                if ((subset & 1 << d) != 0) {
                    dimensions.add(own.get(d));
                }
            }
            for (int place = 0; place < PLACES.size(); place++) {
                levels.add(new Level(false, place, dimensions));
                levels.add(new Level(true, place, dimensions));
            }
        }
        for (Level level : levels) { // short ids in keys: a level's full text in every key cost most of the time
            levelIds.put(level, Integer.toString(levelIds.size()));
        }
        List<List<Integer>> coarserOf = levels.stream()
                .map(level -> coarser(level).stream().map(levels::indexOf).toList()).toList();
        Map<String, Sum> byTotal = new HashMap<>();
        String[] keys = new String[levels.size()];
        for (Map<String, Object> row : finest) {
            for (int l = 0; l < levels.size(); l++) {
                keys[l] = key(levels.get(l), row);
            }
            for (int l = 0; l < levels.size(); l++) {
                Cell cell = cell(keys[l]);
                if (cells.size() > MAX_CELLS) {
                    throw new InvalidInputProblem(new Issue("query", "groupBy", levels.get(l).dimensions().toString(),
                            Text.of("public.too-many-groups")));
                }
                for (int c = 0; c < counts.size(); c++) {
                    Object value = row.get(counts.get(c));
                    cell.counts[c] += value == null ? 0 : ((Number) value).longValue();
                }
                for (int coarser : coarserOf.get(l)) { // the sums this cell is a part of: one per dimension left out
                    String total = keys[coarser];
                    byTotal.computeIfAbsent(total + "\u0001" + l, k -> new Sum(cell(total), new LinkedHashSet<>()))
                            .parts().add(cell);
                }
            }
        }
        byTotal.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sums.add(e.getValue()));
        ordered = cells.values().stream().sorted(Comparator.comparing(cell -> cell.key)).toList();
    }

    /** The levels one dimension coarser: without the year, one place up, or without one own dimension. */
    private static List<Level> coarser(Level level) {
        List<Level> coarser = new ArrayList<>();
        if (level.year()) {
            coarser.add(new Level(false, level.place(), level.own()));
        }
        if (level.place() > 0) {
            coarser.add(new Level(level.year(), level.place() - 1, level.own()));
        }
        for (String dimension : level.own()) {
            List<String> fewer = new ArrayList<>(level.own());
            fewer.remove(dimension);
            coarser.add(new Level(level.year(), level.place(), fewer));
        }
        return coarser;
    }

    private Cell cell(String key) {
        return cells.computeIfAbsent(key, k -> new Cell(k, counts.size()));
    }

    /** The level and the row's values of its dimensions; a municipality alone names its place. */
    private String key(Level level, Map<String, Object> row) {
        StringBuilder key = new StringBuilder(levelIds.get(level));
        for (String dimension : level.dimensions()) {
            for (String column : grouping.columnsByDimension().get(dimension).keySet()) {
                key.append('\u0000').append(row.get(column));
            }
        }
        return key.toString();
    }

    private void suppress() {
        for (Cell cell : ordered) {
            for (int c = 0; c < counts.size(); c++) {
                cell.suppressed[c] = cell.counts[c] >= 1 && cell.counts[c] < threshold;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Cell cell : ordered) {
                changed |= protectRow(cell);
            }
            for (Sum sum : sums) {
                for (int c = 0; c < counts.size(); c++) {
                    List<Cell> all = new ArrayList<>(sum.parts());
                    all.add(sum.total());
                    changed |= secondOf(all, c);
                }
            }
        }
    }

    /** The row's sums of counts, and counts equal to a suppressed one. */
    private boolean protectRow(Cell cell) {
        boolean changed = false;
        for (Map.Entry<String, List<String>> sum : figure.sums().entrySet()) {
            List<Integer> columns = new ArrayList<>();
            columns.add(counts.indexOf(sum.getKey()));
            sum.getValue().forEach(part -> columns.add(counts.indexOf(part)));
            if (columns.stream().filter(c -> cell.suppressed[c]).count() == 1) {
                changed |= columns.stream().filter(c -> !cell.suppressed[c] && cell.counts[c] > 0)
                        .min(Comparator.comparingLong(c -> cell.counts[c]))
                        .map(c -> cell.suppressed[c] = true).orElse(false);
            }
        }
        for (int c = 0; c < counts.size(); c++) {
            for (int other = 0; other < counts.size(); other++) {
                if (cell.suppressed[c] && !cell.suppressed[other] && cell.counts[other] == cell.counts[c]) {
                    cell.suppressed[other] = true;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Cells adding up: with exactly one suppressed in column {@code c}, the smallest non-zero other one too. */
    private static boolean secondOf(List<Cell> cells, int c) {
        if (cells.stream().filter(cell -> cell.suppressed[c]).count() != 1) {
            return false;
        }
        return cells.stream().filter(cell -> !cell.suppressed[c] && cell.counts[c] > 0)
                .min(Comparator.<Cell>comparingLong(cell -> cell.counts[c]).thenComparing(cell -> cell.key))
                .map(cell -> cell.suppressed[c] = true).orElse(false);
    }

    private Map<String, Object> answer(Level level, Map<String, Object> asked) {
        Cell cell = cells.get(key(level, asked));
        Map<String, Object> row = new LinkedHashMap<>(asked);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < counts.size(); c++) {
            if (cell == null || cell.suppressed[c]) { // no cell: a group the finest rows do not hold, never shown
                names.add(counts.get(c));
            } else { // the counts decided on: a write between the two reads cannot slip a small one through
                row.put(counts.get(c), cell.counts[c]);
            }
        }
        if (!names.isEmpty()) {
            figure.valueNames().stream().filter(name -> !counts.contains(name) && row.get(name) != null)
                    .forEach(names::add);
        }
        for (String name : figure.distinctNames()) { // not additive: suppressed on its own when small
            long value = row.get(name) == null ? 0 : ((Number) row.get(name)).longValue();
            if (value >= 1 && value < threshold && !names.contains(name)) {
                names.add(name);
            }
        }
        names.forEach(name -> row.put(name, null));
        row.put(SUPPRESSED, names);
        return row;
    }
}
