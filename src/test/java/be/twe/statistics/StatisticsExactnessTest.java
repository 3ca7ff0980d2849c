package be.twe.statistics;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every instrument and training figure equals the same figure computed here from the raw rows
 * (issue 34): counts, averages, medians and distinct clients, on generated instruments whose
 * groups have odd and even numbers of durations, ties, a single one, and none (running ones only).
 * The oracle is plain Java over the instruments as stored, not the statistics' SQL.
 */
@QuarkusTest
class StatisticsExactnessTest {
    /** Durations in days, few enough to tie often: a median lands on a tie or between two values. */
    static final int[] DAYS = {1, 2, 15, 30, 30, 31, 45, 61, 61, 91, 120, 182};
    static final String[] TYPES = {"WES", "IBO", "TRAINING", "TRAINING", "BVS"};
    static final String[] TRAININGS = {"Lassen", "Heftruck", "Magazijn"};

    /** An instrument as stored: what every figure is computed from. */
    record Raw(String type, String outcome, int year, Integer days, String organiser, String kind, String name,
               String client) {
    }

    @Inject
    TestData data;

    String ocmw;

    @BeforeEach
    void generatedInstruments() {
        ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        Random random = new Random(20261207);
        for (int t = 0; t < 16; t++) {
            String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2022-01-01");
            LocalDate start = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(40));
            boolean technicalUsed = false;
            for (int i = 0; i < 2 + random.nextInt(5); i++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                int days = DAYS[random.nextInt(DAYS.length)];
                int ending = random.nextInt(4); // 0 running, 1 completed, 2 stopped early, 3 taken over (an IBO)
                String outcome = switch (ending) {
                    case 1 -> "COMPLETED";
                    case 2 -> "STOPPED_EARLY";
                    case 3 -> type.equals("IBO") ? "TAKEN_OVER_BY_VDAB" : "COMPLETED";
                    default -> null;
                };
                boolean technical = type.equals("TRAINING") && !technicalUsed && random.nextBoolean();
                technicalUsed |= technical;
                LocalDate end = start.plusDays(days - 1);
                String training = type.equals("TRAINING") ? sql(TRAININGS[random.nextInt(TRAININGS.length)]) + ", "
                        + sql(random.nextBoolean() ? "VDAB" : "PARTNER") + ", " + technical + ", true"
                        : "null, null, null, null";
                data.execute("""
                        insert into instrument (id, trajectory_id, ocmw_id, type, start_date, planned_end_date,
                                                end_date, outcome, stop_reason, employer, training_name,
                                                training_organiser, training_technical, training_full_time,
                                                coach_id, registered_by)
                        values (gen_random_uuid(), %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""".formatted(
                        sql(trajectory), sql(ocmw), sql(type), sql(start),
                        sql(outcome == null ? end.plusDays(random.nextInt(30)) : end),
                        sql(outcome == null ? null : end),
                        sql(outcome), sql("STOPPED_EARLY".equals(outcome) ? "Ziek." : null),
                        sql(type.equals("TRAINING") ? null : "Werkgever"), training, sql(coach), sql(ocmw)));
                // the next one starts after this one's (planned) end, in this year or the next
                start = start.plusDays(days + 30L + random.nextInt(200));
            }
        }
    }

    @Test
    void instrumentFiguresEqualTheRawRows() {
        instrumentFiguresEqualTheRawRows(ocmw, "coach", raw(ocmw));
    }

    /**
     * VDAB's answers over every OCMW come from rollups (ADR 0044): built at the first call, then
     * kept; also one of its own for a filter that cuts through the groups (years not grouped by).
     */
    @Test
    void vdabsInstrumentFiguresEqualTheRawRows() {
        instrumentFiguresEqualTheRawRows("vdab", "analyst", raw(null));
        instrumentFiguresEqualTheRawRows("vdab", "analyst", "&fromYear=2023",
                raw(null).stream().filter(r -> r.year() >= 2023).toList());
        data.execute("update instrument set end_date = start_date + 2, outcome = 'COMPLETED' where ocmw_id = ?1"
                + " and end_date is null", ocmw);
        instrumentFiguresEqualTheRawRows("vdab", "analyst", raw(null));
        instrumentFiguresEqualTheRawRows("vdab", "analyst", "&fromYear=2023",
                raw(null).stream().filter(r -> r.year() >= 2023).toList());
    }

    void instrumentFiguresEqualTheRawRows(String organisation, String role, List<Raw> raw) {
        assertTrue(raw.stream().anyMatch(r -> r.days() == null), "a group without durations");
        instrumentFiguresEqualTheRawRows(organisation, role, "", raw);
    }

    void instrumentFiguresEqualTheRawRows(String organisation, String role, String filter, List<Raw> raw) {
        for (String groupBy : List.of("instrumentType,outcome,year", "instrumentType,year", "instrumentType", "year")) {
            List<String> dimensions = List.of(groupBy.split(","));
            Function<Raw, List<Object>> key = r -> dimensions.stream().map(d -> switch (d) {
                case "instrumentType" -> (Object) r.type();
                case "outcome" -> r.outcome();
                default -> r.year();
            }).toList();
            Map<List<Object>, Map<String, Object>> expected = new TreeMap<>(StatisticsExactnessTest::compare);
            groups(raw, key).forEach((group, rows) -> expected.put(group, instrumentValues(rows)));
            assertEquals(expected, answered(organisation, role, "instruments", groupBy + filter, dimensions,
                    List.of("started", "ended", "completed", "stoppedEarly", "takenOver", "averageMonths",
                            "medianMonths")), groupBy + filter);
        }
    }

    @Test
    void trainingFiguresEqualTheRawRows() {
        trainingFiguresEqualTheRawRows(ocmw, "coach", raw(ocmw));
    }

    @Test
    void vdabsTrainingFiguresEqualTheRawRows() {
        trainingFiguresEqualTheRawRows("vdab", "analyst", raw(null));
        data.execute("delete from instrument where id = (select id from instrument where ocmw_id = ?1"
                + " and type = 'TRAINING' order by start_date limit 1)", ocmw);
        trainingFiguresEqualTheRawRows("vdab", "analyst", raw(null));
    }

    void trainingFiguresEqualTheRawRows(String organisation, String role, List<Raw> raw) {
        List<Raw> trainings = raw.stream().filter(r -> r.type().equals("TRAINING")).toList();
        for (String groupBy : List.of("year,organiser,kind", "year,trainingName", "trainingName", "kind")) {
            List<String> dimensions = List.of(groupBy.split(","));
            Function<Raw, List<Object>> key = r -> dimensions.stream().map(d -> switch (d) {
                case "organiser" -> (Object) r.organiser();
                case "kind" -> r.kind();
                case "trainingName" -> r.name();
                default -> r.year();
            }).toList();
            Map<List<Object>, Map<String, Object>> expected = new TreeMap<>(StatisticsExactnessTest::compare);
            groups(trainings, key).forEach((group, rows) -> {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("trainings", (long) rows.size());
                values.put("clients", (long) new HashSet<>(rows.stream().map(Raw::client).toList()).size());
                values.put("ended", rows.stream().filter(r -> r.days() != null).count());
                values.putAll(durations(rows));
                expected.put(group, values);
            });
            assertEquals(expected, answered(organisation, role, "trainings", groupBy, dimensions,
                    List.of("trainings", "clients", "ended", "averageMonths", "medianMonths")), groupBy);
        }
    }

    /** The instruments of the OCMW (of every OCMW if null) as stored, each with its trajectory's client. */
    List<Raw> raw(String ocmw) {
        return data.rows("""
                select i.type, coalesce(i.outcome, 'RUNNING'), extract(year from i.start_date)::int,
                       i.end_date - i.start_date + 1, i.training_organiser,
                       case when i.training_technical then 'TECHNICAL' else 'GENERIC' end, i.training_name, t.client_id
                from instrument i join trajectory t on t.id = i.trajectory_id
                where i.ocmw_id = ?1 or ?1 = ''""", ocmw == null ? "" : ocmw)
                .stream().map(row -> row.split("\\|", -1)).map(c -> new Raw(c[0], c[1], Integer.parseInt(c[2]),
                        c[3].equals("null") ? null : Integer.valueOf(c[3]), orNull(c[4]), c[5], orNull(c[6]), c[7])).toList();
    }

    static String orNull(String value) {
        return value.equals("null") ? null : value;
    }

    static Map<List<Object>, List<Raw>> groups(List<Raw> rows, Function<Raw, List<Object>> key) {
        Map<List<Object>, List<Raw>> groups = new TreeMap<>(StatisticsExactnessTest::compare);
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    static Map<String, Object> instrumentValues(List<Raw> rows) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("started", (long) rows.size());
        values.put("ended", rows.stream().filter(r -> r.days() != null).count());
        values.put("completed", rows.stream().filter(r -> r.outcome().equals("COMPLETED")).count());
        values.put("stoppedEarly", rows.stream().filter(r -> r.outcome().equals("STOPPED_EARLY")).count());
        values.put("takenOver", rows.stream().filter(r -> r.outcome().equals("TAKEN_OVER_BY_VDAB")).count());
        values.putAll(durations(rows));
        return values;
    }

    /** Average and median of the ended ones' durations in months (days / 30.4375), to one decimal; null without any. */
    static Map<String, Object> durations(List<Raw> rows) {
        List<Integer> days = rows.stream().map(Raw::days).filter(d -> d != null).sorted().toList();
        Map<String, Object> values = new LinkedHashMap<>();
        if (days.isEmpty()) {
            values.put("averageMonths", null);
            values.put("medianMonths", null);
            return values;
        }
        BigDecimal sum = BigDecimal.valueOf(days.stream().mapToLong(Integer::longValue).sum());
        int n = days.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(days.get(n / 2))
                : BigDecimal.valueOf(days.get(n / 2 - 1) + days.get(n / 2)).divide(BigDecimal.valueOf(2));
        values.put("averageMonths", months(sum.divide(BigDecimal.valueOf(n), 20, RoundingMode.HALF_UP)));
        values.put("medianMonths", months(median));
        return values;
    }

    static BigDecimal months(BigDecimal days) {
        return days.divide(new BigDecimal("30.4375"), 20, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP);
    }

    /** The figure's answer for the caller, by group, with the values named (numbers as the oracle has them). */
    Map<List<Object>, Map<String, Object>> answered(String organisation, String role, String figure, String groupBy, List<String> dimensions,
                                                    List<String> names) {
        List<Map<String, Object>> rows = as(organisation, role).get("/statistics/" + figure + "?groupBy=" + groupBy)
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<List<Object>, Map<String, Object>> answered = new TreeMap<>(StatisticsExactnessTest::compare);
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            names.forEach(name -> values.put(name, number(name, row.get(name))));
            answered.put(dimensions.stream().map(row::get).toList(), values);
        }
        return answered;
    }

    static Object number(String name, Object value) {
        if (value == null) {
            return null;
        }
        return name.endsWith("Months") ? new BigDecimal(value.toString()).setScale(1, RoundingMode.UNNECESSARY)
                : ((Number) value).longValue();
    }

    /** Groups in the answer's order: nulls last, as PostgreSQL sorts them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i) == null || b.get(i) == null ? Boolean.compare(a.get(i) == null, b.get(i) == null)
                    : ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A value as an SQL literal: generated values only (dates, ids, names), never a caller's input. */
    static String sql(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
