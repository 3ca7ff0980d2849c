package be.twe.statistics.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.StatisticsApi;
import be.twe.api.model.EndRow;
import be.twe.api.model.EndStatistics;
import be.twe.api.model.InstrumentStatistics;
import be.twe.api.model.InstrumentStatisticsRow;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.StartRow;
import be.twe.api.model.StartStatistics;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.statistics.service.Figures;
import be.twe.statistics.service.Grouping;
import be.twe.statistics.service.StatisticsSql;
import be.twe.statistics.service.StatisticsSql.Filter;
import be.twe.statistics.service.StatisticsSql.Municipalities;
import io.quarkus.security.Authenticated;

/** Each figure as JSON rows of its own schema, or the same rows as CSV. */
public class StatisticsResource implements StatisticsApi {
    static final MediaType CSV = new MediaType("text", "csv");

    @Inject
    StatisticsSql statistics;
    @Inject
    ObjectMapper json;
    @Context
    HttpHeaders headers;

    @Override
    @Authenticated
    public Response getStartStatistics(List<String> groupBy, LocalDate from, LocalDate to, ProvinceNisCode province,
                                       String nisCode, String clusterId, String municipalities) {
        Grouping grouping = Grouping.of(groupBy, Map.of());
        Filter filter = filter(from, to, province, nisCode, clusterId, municipalities);
        List<Map<String, Object>> rows = statistics.rows(Figures.STARTS, grouping, filter);
        return wantsCsv() ? csv(grouping, Figures.STARTS, rows) : Response.ok(new StartStatistics()
                .groupBy(grouping.dimensions()).municipalities(StartStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(dtos(rows, StartRow.class))).build();
    }

    @Override
    @Authenticated
    public Response getEndStatistics(List<String> groupBy, LocalDate from, LocalDate to, ProvinceNisCode province,
                                     String nisCode, String clusterId, String municipalities) {
        Grouping grouping = Grouping.of(groupBy, Figures.ENDS_DIMENSIONS);
        Filter filter = filter(from, to, province, nisCode, clusterId, municipalities);
        List<Map<String, Object>> rows = statistics.rows(Figures.ENDS, grouping, filter);
        return wantsCsv() ? csv(grouping, Figures.ENDS, rows) : Response.ok(new EndStatistics()
                .groupBy(grouping.dimensions()).municipalities(EndStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(dtos(rows, EndRow.class))).build();
    }

    @Override
    @Authenticated
    public Response getInstrumentStatistics(List<String> groupBy, LocalDate from, LocalDate to,
                                            ProvinceNisCode province, String nisCode, String clusterId,
                                            String municipalities) {
        Grouping grouping = Grouping.of(groupBy, Figures.INSTRUMENTS_DIMENSIONS);
        Filter filter = filter(from, to, province, nisCode, clusterId, municipalities);
        List<Map<String, Object>> rows = statistics.rows(Figures.INSTRUMENTS, grouping, filter);
        return wantsCsv() ? csv(grouping, Figures.INSTRUMENTS, rows) : Response.ok(new InstrumentStatistics()
                .groupBy(grouping.dimensions()).municipalities(InstrumentStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(dtos(rows, InstrumentStatisticsRow.class))).build();
    }

    private <T> List<T> dtos(List<Map<String, Object>> rows, Class<T> type) {
        return rows.stream().map(row -> json.convertValue(row, type)).toList();
    }

    private Response csv(Grouping grouping, StatisticsSql.Figure figure, List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>(grouping.columns());
        columns.addAll(figure.values().keySet());
        return Response.ok(CsvTables.write(columns, rows.stream().map(row -> new ArrayList<>(row.values())).toList()),
                CSV.withCharset("UTF-8")).build();
    }

    private boolean wantsCsv() {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(CSV) && !t.isWildcardType());
    }

    private static Filter filter(LocalDate from, LocalDate to, ProvinceNisCode province, String nisCode,
                                 String clusterId, String municipalities) {
        Municipalities mapping;
        try {
            mapping = Municipalities.valueOf(municipalities);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(new Issue("query", "municipalities", municipalities,
                    "AT_EVENT or MERGED_2025."));
        }
        return new Filter(from, to, province == null ? null : province.toString(), nisCode, clusterId, mapping);
    }
}
