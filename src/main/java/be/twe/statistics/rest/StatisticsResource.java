package be.twe.statistics.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.StatisticsApi;
import be.twe.api.model.CoachStatistics;
import be.twe.api.model.EndStatistics;
import be.twe.api.model.FollowUpStatistics;
import be.twe.api.model.HelpdeskStatistics;
import be.twe.api.model.InstrumentStatistics;
import be.twe.api.model.OutcomeStatistics;
import be.twe.api.model.PlanStatistics;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.StartStatistics;
import be.twe.api.model.StatisticsFigure;
import be.twe.api.model.TargetYearStatistics;
import be.twe.api.model.TrainingStatistics;
import be.twe.api.model.TransferStatistics;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;
import be.twe.statistics.service.Figure;
import be.twe.statistics.service.Figures;
import be.twe.statistics.service.Grouping;
import be.twe.statistics.service.PublicStatistics;
import be.twe.statistics.service.StatisticsSql;
import be.twe.statistics.service.StatisticsSql.Filter;
import be.twe.statistics.service.StatisticsSql.Municipalities;
import io.quarkus.security.Authenticated;

/** Each figure as JSON rows of its own schema, or the same rows as CSV or as a spreadsheet. */
public class StatisticsResource implements StatisticsApi {
    static final MediaType CSV = new MediaType("text", "csv");
    static final MediaType XLSX = MediaType.valueOf(XlsxTables.MEDIA_TYPE);

    @Inject
    StatisticsSql statistics;
    @Inject
    PublicStatistics publicStatistics;
    @Inject
    StatisticsContract contract;
    @Inject
    ObjectMapper json;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response getStartStatistics(List<String> groupBy, Integer fromYear, Integer toYear,
                                       ProvinceNisCode province, String nisCode, String clusterId,
                                       String municipalities, String disclosure) {
        return answer(Figures.STARTS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                StartStatistics.class);
    }

    @Override
    @Authenticated
    public Response getEndStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
                                     String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.ENDS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                EndStatistics.class);
    }

    @Override
    @Authenticated
    public Response getInstrumentStatistics(List<String> groupBy, Integer fromYear, Integer toYear,
                                            ProvinceNisCode province, String nisCode, String clusterId,
                                            String municipalities, String disclosure) {
        return answer(Figures.INSTRUMENTS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                InstrumentStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTargetYearStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.TARGET_YEARS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                TargetYearStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTrainingStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.TRAININGS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                TrainingStatistics.class);
    }

    @Override
    @Authenticated
    public Response getTransferStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.TRANSFERS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                TransferStatistics.class);
    }

    @Override
    @Authenticated
    public Response getFollowUpStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.FOLLOW_UPS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                FollowUpStatistics.class);
    }

    @Override
    @Authenticated
    public Response getOutcomeStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.OUTCOMES, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                OutcomeStatistics.class);
    }

    @Override
    @Authenticated
    public Response getHelpdeskStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.HELPDESK, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                HelpdeskStatistics.class);
    }

    @Override
    @Authenticated
    public Response getCoachStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.COACHES, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                CoachStatistics.class);
    }

    @Override
    @Authenticated
    public Response getPlanStatistics(List<String> groupBy, Integer fromYear, Integer toYear, ProvinceNisCode province,
            String nisCode, String clusterId, String municipalities, String disclosure) {
        return answer(Figures.PLANS, groupBy, filter(fromYear, toYear, province, nisCode, clusterId, municipalities),
                disclosure,
                PlanStatistics.class);
    }

    @Override
    @Authenticated
    public Response getStatisticsCsv(StatisticsFigure figure, List<String> groupBy, Integer fromYear, Integer toYear,
            ProvinceNisCode province, String nisCode, String clusterId, String municipalities, String disclosure) {
        return file(StatisticsFiles.figure(figure), figure.toString(), groupBy,
                filter(fromYear, toYear, province, nisCode, clusterId, municipalities), disclosure, CSV);
    }

    @Override
    @Authenticated
    public Response getStatisticsSpreadsheet(StatisticsFigure figure, List<String> groupBy, Integer fromYear,
            Integer toYear, ProvinceNisCode province, String nisCode, String clusterId, String municipalities,
            String disclosure) {
        return file(StatisticsFiles.figure(figure), figure.toString(), groupBy,
                filter(fromYear, toYear, province, nisCode, clusterId, municipalities), disclosure, XLSX);
    }

    /**
     * The figure's rows as CSV or XLSX when asked, else as the figure's JSON table: every table of the
     * contract is {@code groupBy}, {@code municipalities} and {@code rows} of its own row schema.
     */
    private Response answer(Figure figure, List<String> groupBy, Filter filter, String disclosure,
                            Class<?> tableType) {
        String path = uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (wants(CSV) || wants(XLSX)) {
            return file(figure, name, groupBy, filter, disclosure, wants(CSV) ? CSV : XLSX);
        }
        Grouping grouping = Grouping.of(groupBy, figure.dimensions());
        boolean published = isPublic(disclosure);
        Map<String, Object> table = new LinkedHashMap<>(Map.of("groupBy", grouping.dimensions(),
                "municipalities", filter.municipalities().name(), "rows", rows(figure, grouping, filter, published)));
        if (!published) {
            return Response.ok(json.convertValue(table, tableType)).build();
        }
        // as a map, so a suppressed value is written as null: the row types leave nulls out
        table.put("disclosure", "PUBLIC");
        table.put("threshold", publicStatistics.threshold());
        return Response.ok(table, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The figure named {@code name} ({@code /statistics/<name>}) as CSV or as a spreadsheet. */
    private Response file(Figure figure, String name, List<String> groupBy, Filter filter, String disclosure,
                          MediaType type) {
        Grouping grouping = Grouping.of(groupBy, figure.dimensions());
        boolean published = isPublic(disclosure);
        List<String> columns = new ArrayList<>(grouping.columns());
        columns.addAll(figure.valueNames());
        List<Map<String, Object>> rows = rows(figure, grouping, filter, published);
        return type.equals(CSV) ? StatisticsFiles.csv(columns, rows)
                : StatisticsFiles.spreadsheet(columns, rows, about(name, published, filter), figure.table());
    }

    private List<Map<String, Object>> rows(Figure figure, Grouping grouping, Filter filter, boolean published) {
        return published ? publicStatistics.rows(figure, grouping, filter) : statistics.rows(figure, grouping, filter);
    }

    private XlsxTables.About about(String name, boolean published, Filter filter) {
        // decoded, for a reader: groupBy=province,year rather than groupBy=province%2Cyear
        String request = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getQuery() == null ? "" : "?" + uri.getRequestUri().getQuery());
        return new XlsxTables.About(contract.at("/statistics/" + name), "GET " + request,
                published ? "PUBLIC: counts from 1 to " + (publicStatistics.threshold() - 1) + " and the cells that "
                        + "would reveal them are suppressed (docs/privacy.md)" : "EXACT: every count as recorded",
                filter.municipalities().name());
    }

    private static boolean isPublic(String disclosure) {
        if (disclosure == null || disclosure.equals("EXACT")) {
            return false;
        }
        if (disclosure.equals("PUBLIC")) {
            return true;
        }
        throw new InvalidInputProblem(new Issue("query", "disclosure", disclosure, Text.of("must-be-one-of", "EXACT, PUBLIC")));
    }

    private boolean wants(MediaType type) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(type) && !t.isWildcardType());
    }

    private static Filter filter(Integer fromYear, Integer toYear, ProvinceNisCode province, String nisCode,
                                 String clusterId, String municipalities) {
        Municipalities mapping;
        try {
            mapping = Municipalities.valueOf(municipalities);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(new Issue("query", "municipalities", municipalities,
                    Text.of("must-be-one-of", "AT_EVENT, MERGED_2019, MERGED_2025")));
        }
        return new Filter(fromYear, toYear, province == null ? null : province.toString(), nisCode, clusterId, mapping);
    }
}
