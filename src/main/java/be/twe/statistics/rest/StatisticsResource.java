package be.twe.statistics.rest;

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
import be.twe.api.model.CoachStatistics;
import be.twe.api.model.EndStatistics;
import be.twe.api.model.HelpdeskStatistics;
import be.twe.api.model.InstrumentStatistics;
import be.twe.api.model.OutcomeStatistics;
import be.twe.api.model.PlanStatistics;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.StartStatistics;
import be.twe.api.model.TargetYearStatistics;
import be.twe.api.model.TrainingStatistics;
import be.twe.api.model.TransferStatistics;
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
        return answer(Figures.STARTS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                StartStatistics.class);
    }

    @Override
    @Authenticated
    public Response getEndStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
                                     String nisCode, String clusterId, String municipalities) {
        return answer(Figures.ENDS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                EndStatistics.class);
    }

    @Override
    @Authenticated
    public Response getInstrumentStatistics(List<String> groupBy, Integer fromYear, Integer toYear,
                                            ProvinceNisCode province, String nisCode, String clusterId,
                                            String municipalities) {
        return answer(Figures.INSTRUMENTS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                InstrumentStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTargetYearStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.TARGET_YEARS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                TargetYearStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTrainingStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.TRAININGS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                TrainingStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTransferStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.TRANSFERS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                TransferStatistics.class);
    }

    @Override
    @Authenticated
    public Response getOutcomeStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.OUTCOMES, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                OutcomeStatistics.class);
    }

    @Override
    @Authenticated
    public Response getHelpdeskStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.HELPDESK, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                HelpdeskStatistics.class);
    }

    @Override
    @Authenticated
    public Response getCoachStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.COACHES, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                CoachStatistics.class);
    }

    @Override
    @Authenticated
    public Response getPlanStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities) {
        return answer(Figures.PLANS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                PlanStatistics.class);
    }

    /**
     * The figure's rows as CSV when asked, else as the figure's JSON table: every table of the
     * contract is {@code groupBy}, {@code municipalities} and {@code rows} of its own row schema.
     */
    private Response answer(Figure figure, List<String> groupBy, Filter filter, Class<?> tableType) {
        Grouping grouping = Grouping.of(groupBy, figure.dimensions());
        List<Map<String, Object>> rows = statistics.rows(figure, grouping, filter);
        if (wantsCsv()) {
            List<String> columns = new ArrayList<>(grouping.columns());
            columns.addAll(figure.valueNames());
            return Response.ok(CsvTables.write(columns, rows.stream().map(row -> new ArrayList<>(row.values()))
                    .toList()), CSV.withCharset("UTF-8")).build();
        }
        return Response.ok(json.convertValue(Map.of("groupBy", grouping.dimensions(),
                "municipalities", filter.municipalities().name(), "rows", rows), tableType)).build();
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
                    "AT_EVENT, MERGED_2019 or MERGED_2025."));
        }
        return new Filter(fromYear, toYear, province == null ? null : province.toString(), nisCode, clusterId, mapping);
    }
}
