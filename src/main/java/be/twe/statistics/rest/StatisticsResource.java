package be.twe.statistics.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import be.twe.api.StatisticsApi;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.StartRow;
import be.twe.api.model.StartStatistics;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.statistics.service.Grouping;
import be.twe.statistics.service.StartCounts;
import be.twe.statistics.service.StartCounts.Filter;
import be.twe.statistics.service.StartCounts.Municipalities;
import be.twe.statistics.service.StartCounts.Row;
import io.quarkus.security.Authenticated;

public class StatisticsResource implements StatisticsApi {
    static final MediaType CSV = new MediaType("text", "csv");

    @Inject
    StartCounts starts;
    @Context
    HttpHeaders headers;

    @Override
    @Authenticated
    public Response getStartStatistics(List<String> groupBy, LocalDate from, LocalDate to, ProvinceNisCode province,
                                       String nisCode, String clusterId, String municipalities) {
        Grouping grouping = Grouping.of(groupBy);
        Municipalities mapping = municipalities(municipalities);
        List<Row> rows = starts.rows(grouping, new Filter(from, to, province == null ? null : province.toString(),
                nisCode, clusterId, mapping));
        if (wantsCsv()) {
            return Response.ok(CsvTables.write(columns(grouping), rows.stream().map(r -> values(grouping, r)).toList()),
                    CSV.withCharset("UTF-8")).build();
        }
        return Response.ok(new StartStatistics().groupBy(grouping.dimensions()).municipalities(
                StartStatistics.MunicipalitiesEnum.fromValue(mapping.name())).rows(rows.stream().map(StatisticsResource::toDto)
                .toList()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private boolean wantsCsv() {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(CSV) && !t.isWildcardType());
    }

    private static Municipalities municipalities(String value) {
        try {
            return Municipalities.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(new Issue("query", "municipalities", value, "AT_EVENT or MERGED_2025."));
        }
    }

    private static StartRow toDto(Row r) {
        return new StartRow().year(r.year()).provinceNisCode(r.provinceNisCode()).provinceName(r.provinceName())
                .municipalityNisCode(r.municipalityNisCode()).municipalityName(r.municipalityName())
                .trajectories(r.trajectories()).art60(r.art60()).bvs(r.bvs()).training(r.training()).wes(r.wes())
                .ibo(r.ibo());
    }

    static final List<String> VALUES = List.of("trajectories", "art60", "bvs", "training", "wes", "ibo");

    private static List<String> columns(Grouping grouping) {
        List<String> columns = new ArrayList<>();
        for (String dimension : grouping.dimensions()) {
            columns.addAll(switch (dimension) {
                case "year" -> List.of("year");
                case "province" -> List.of("provinceNisCode", "provinceName");
                default -> List.of("municipalityNisCode", "municipalityName");
            });
        }
        columns.addAll(VALUES);
        return columns;
    }

    private static List<Object> values(Grouping grouping, Row r) {
        List<Object> values = new ArrayList<>();
        for (String dimension : grouping.dimensions()) {
            values.addAll(switch (dimension) {
                case "year" -> List.of(r.year());
                case "province" -> List.of(r.provinceNisCode(), r.provinceName());
                default -> List.of(r.municipalityNisCode(), r.municipalityName());
            });
        }
        values.addAll(List.of(r.trajectories(), r.art60(), r.bvs(), r.training(), r.wes(), r.ibo()));
        return values;
    }
}
