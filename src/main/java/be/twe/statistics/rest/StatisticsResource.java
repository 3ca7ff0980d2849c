package be.twe.statistics.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.StatisticsApi;
import be.twe.api.model.CoachStatistics;
import be.twe.api.model.CoachStatisticsRow;
import be.twe.api.model.EndRow;
import be.twe.api.model.EndStatistics;
import be.twe.api.model.HelpdeskRow;
import be.twe.api.model.HelpdeskStatistics;
import be.twe.api.model.InstrumentStatistics;
import be.twe.api.model.InstrumentStatisticsRow;
import be.twe.api.model.OutcomeRow;
import be.twe.api.model.OutcomeStatistics;
import be.twe.api.model.PlanStatistics;
import be.twe.api.model.PlanStatisticsRow;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.StartRow;
import be.twe.api.model.StartStatistics;
import be.twe.api.model.TargetYearRow;
import be.twe.api.model.TargetYearStatistics;
import be.twe.api.model.TrainingRow;
import be.twe.api.model.TrainingStatistics;
import be.twe.api.model.TransferStatistics;
import be.twe.api.model.TransferStatisticsRow;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.statistics.service.Figure;
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
    public Response getStartStatistics(List<String> groupBy, Integer fromYear, Integer toYear,
                                       ProvinceNisCode province, String nisCode, String clusterId,
                                       String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.STARTS, groupBy, filter, StartRow.class, (dimensions, rows) -> new StartStatistics()
                .groupBy(dimensions).municipalities(StartStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getEndStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
                                     String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.ENDS, groupBy, filter, EndRow.class, (dimensions, rows) -> new EndStatistics()
                .groupBy(dimensions).municipalities(EndStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getInstrumentStatistics(List<String> groupBy, Integer fromYear, Integer toYear,
                                            ProvinceNisCode province, String nisCode, String clusterId,
                                            String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.INSTRUMENTS, groupBy, filter, InstrumentStatisticsRow.class,
                (dimensions, rows) -> new InstrumentStatistics().groupBy(dimensions).municipalities(
                        InstrumentStatistics.MunicipalitiesEnum.fromValue(filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getTargetYearStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.TARGET_YEARS, groupBy, filter, TargetYearRow.class, (dimensions, rows) -> new TargetYearStatistics()
                .groupBy(dimensions).municipalities(TargetYearStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getTrainingStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.TRAININGS, groupBy, filter, TrainingRow.class, (dimensions, rows) -> new TrainingStatistics()
                .groupBy(dimensions).municipalities(TrainingStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getTransferStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.TRANSFERS, groupBy, filter, TransferStatisticsRow.class, (dimensions, rows) -> new TransferStatistics()
                .groupBy(dimensions).municipalities(TransferStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getOutcomeStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.OUTCOMES, groupBy, filter, OutcomeRow.class, (dimensions, rows) -> new OutcomeStatistics()
                .groupBy(dimensions).municipalities(OutcomeStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getHelpdeskStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.HELPDESK, groupBy, filter, HelpdeskRow.class, (dimensions, rows) -> new HelpdeskStatistics()
                .groupBy(dimensions).municipalities(HelpdeskStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getCoachStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.COACHES, groupBy, filter, CoachStatisticsRow.class, (dimensions, rows) -> new CoachStatistics()
                .groupBy(dimensions).municipalities(CoachStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    @Override
    @Authenticated
    public Response getPlanStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        Filter filter = filter(fromYear, toYear, province, nisCode, clusterId, municipalities);
        return answer(Figures.PLANS, groupBy, filter, PlanStatisticsRow.class, (dimensions, rows) -> new PlanStatistics()
                .groupBy(dimensions).municipalities(PlanStatistics.MunicipalitiesEnum.fromValue(
                        filter.municipalities().name())).rows(rows));
    }

    /** The figure's rows as CSV when asked, else as JSON rows of the figure's row schema. */
    private <R> Response answer(Figure figure, List<String> groupBy, Filter filter, Class<R> rowType,
                                BiFunction<List<String>, List<R>, Object> table) {
        Grouping grouping = Grouping.of(groupBy, figure.dimensions());
        List<Map<String, Object>> rows = statistics.rows(figure, grouping, filter);
        if (wantsCsv()) {
            List<String> columns = new ArrayList<>(grouping.columns());
            columns.addAll(figure.valueNames());
            return Response.ok(CsvTables.write(columns, rows.stream().map(row -> new ArrayList<>(row.values()))
                    .toList()), CSV.withCharset("UTF-8")).build();
        }
        return Response.ok(table.apply(grouping.dimensions(), rows.stream().map(row -> json.convertValue(row, rowType))
                .toList())).build();
    }

    private boolean wantsCsv() {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(CSV) && !t.isWildcardType());
    }

    private static Filter filter(Integer fromYear, Integer toYear, ProvinceNisCode province, String nisCode,
                                 String clusterId, String municipalities) {
        Municipalities mapping;
        try {
            mapping = Municipalities.valueOf(municipalities);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(new Issue("query", "municipalities", municipalities,
                    "AT_EVENT or MERGED_2025."));
        }
        return new Filter(fromYear, toYear, province == null ? null : province.toString(), nisCode, clusterId, mapping);
    }
}
