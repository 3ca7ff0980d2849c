package be.twe.statistics.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import be.twe.api.model.StatisticsFigure;
import be.twe.statistics.service.Disclosure;
import be.twe.statistics.service.Figure;
import be.twe.statistics.service.Figures;

/** A figure's rows as a file: CSV, or a spreadsheet with its "about" sheet (ADR 0036). */
final class StatisticsFiles {
    /** The figure each path name stands for, for the typed CSV and spreadsheet operations. */
    private static final Map<StatisticsFigure, Figure> FIGURES = Map.ofEntries(
            Map.entry(StatisticsFigure.STARTS, Figures.STARTS), Map.entry(StatisticsFigure.ENDS, Figures.ENDS),
            Map.entry(StatisticsFigure.INSTRUMENTS, Figures.INSTRUMENTS),
            Map.entry(StatisticsFigure.TARGET_YEARS, Figures.TARGET_YEARS),
            Map.entry(StatisticsFigure.TRAININGS, Figures.TRAININGS),
            Map.entry(StatisticsFigure.TRANSFERS, Figures.TRANSFERS),
            Map.entry(StatisticsFigure.FOLLOW_UPS, Figures.FOLLOW_UPS),
            Map.entry(StatisticsFigure.OUTCOMES, Figures.OUTCOMES), Map.entry(StatisticsFigure.HELPDESK, Figures.HELPDESK),
            Map.entry(StatisticsFigure.COACHES, Figures.COACHES), Map.entry(StatisticsFigure.PLANS, Figures.PLANS));

    private StatisticsFiles() {
    }

    static Figure figure(StatisticsFigure name) {
        return FIGURES.get(name);
    }

    static Response csv(List<String> columns, List<Map<String, Object>> rows) {
        return Response.ok(CsvTables.write(columns, cells(columns, rows)),
                StatisticsResource.CSV.withCharset("UTF-8")).build();
    }

    static Response spreadsheet(List<String> columns, List<Map<String, Object>> rows, XlsxTables.About about,
                                String table) {
        return Response.ok(XlsxTables.write(columns, cells(columns, rows), about), StatisticsResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + table + ".xlsx\"").build();
    }

    /** A suppressed cell says so, where an empty one would read as "no value". */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> cells(List<String> columns, List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            List<String> suppressed = (List<String>) row.getOrDefault(Disclosure.SUPPRESSED, List.of());
            return columns.stream().map(c -> suppressed.contains(c) ? (Object) Disclosure.SUPPRESSED : row.get(c))
                    .toList();
        }).toList();
    }
}
