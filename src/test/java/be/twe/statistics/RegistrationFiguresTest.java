package be.twe.statistics;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.Training;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TrajectoryUpdate;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferReason;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The figures beyond starts, ends and instruments, each from registrations made through the API in
 * a fresh OCMW and read as that OCMW (which sees only its own), against counts worked out here
 * from what was registered.
 */
@QuarkusTest
class RegistrationFiguresTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;

    @BeforeEach
    void ocmw() {
        ocmw = data.newOcmw("44021");
        coach = data.accreditedCoach(ocmw);
    }

    List<Map<String, Object>> rows(String path) {
        return as(ocmw, "coach").get("/statistics/" + path).then().statusCode(200).extract().jsonPath().getList("rows");
    }

    String instrument(String trajectory, InstrumentInput body) {
        return as(ocmw, "coach").body(json(body)).post("/trajectories/" + trajectory + "/instruments").then()
                .statusCode(201).extract().path("id");
    }

    String wes(String trajectory, String start, String plannedEnd) {
        return instrument(trajectory, Requests.wes(coach, start, plannedEnd));
    }

    String training(String trajectory, String start, String plannedEnd, String name, String organiser,
                    boolean technical) {
        return instrument(trajectory, Requests.instrument(InstrumentType.TRAINING, start, plannedEnd, coach)
                .employer(null).training(new Training().name(name)
                        .organiser(Training.OrganiserEnum.fromValue(organiser)).technical(technical).fullTime(true)));
    }

    void endInstrument(String trajectory, String instrument, String endDate) {
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd(endDate, InstrumentOutcome.COMPLETED)))
                .post("/trajectories/" + trajectory + "/instruments/" + instrument + "/end").then().statusCode(200);
    }

    String etag(String trajectory) {
        return as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200).extract().header("ETag");
    }

    void end(String trajectory, String endDate) {
        as(ocmw, "coach").header("If-Match", etag(trajectory))
                .body(json(Requests.end(endDate, TrajectoryEndReason.WORK_NEC, "Advies.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
    }

    void measure(String trajectory, Boolean atMeasurement, Boolean within12Months) {
        TrajectoryUpdate body = new TrajectoryUpdate().coachId(coach).atWorkAtMeasurement(atMeasurement)
                .atWorkWithin12Months(within12Months);
        as(ocmw, "coach").header("If-Match", etag(trajectory)).body(Requests.replacing(body))
                .put("/trajectories/" + trajectory).then()
                .statusCode(200);
    }

    /**
     * A: 2022-01-01 to 2023-12-31, two WES in its first year (met), one in its second (not met).
     * B: from 2022-03-01, still open (planned end 2024-02-29), an art. 60 §7 employment from
     * 2022-04-01 to 2023-03-31 runs in both its years (the exception). Each year counts in the year
     * of its last day: 2022-12-31, 2023-12-31, 2023-02-28 and 2024-02-29.
     */
    @Test
    void twoInstrumentsPerYearWithTheArt60ExceptionApart() {
        String a = Registrations.trajectory(ocmw, ocmw, coach, "2022-01-01");
        wes(a, "2022-02-01", "2022-02-28");
        wes(a, "2022-04-01", "2022-04-30");
        wes(a, "2023-02-01", "2023-02-28");
        end(a, "2023-12-31");
        String b = Registrations.trajectory(ocmw, ocmw, coach, "2022-03-01");
        instrument(b, Requests.instrument(InstrumentType.ART60, "2022-04-01", "2023-03-31", coach).employer("OCMW")
                .socialRightsBuiltUp(true));

        // why not met (issue 29): A's second year ended for work (WORK_NEC); B's art. 60 §7 took 334 of
        // the 365 days of its first year (most) and 31 of the 366 of its second (part)
        assertEquals(List.of(
                target(2022, 1, 1, 0, 0, 0, 0, 0, 0, 0),
                target(2023, 2, 0, 1, 1, 1, 0, 1, 0, 0),
                target(2024, 1, 0, 1, 0, 0, 1, 0, 0, 0)), rows("target-years?groupBy=year"));
    }

    static Map<String, Object> target(int year, int trajectoryYears, int met, int byArt60, int notMet, int art60Most,
                                      int art60Part, int endedForWork, int partialYear, int other) {
        return Map.of("year", year, "trajectoryYears", trajectoryYears, "metWithTwoInstruments", met,
                "metByArt60Exception", byArt60, "notMet", notMet, "art60MostOfYear", art60Most,
                "art60PartOfYear", art60Part, "notMetEndedForWork", endedForWork, "notMetPartialYear", partialYear,
                "notMetOtherReason", other);
    }

    @Test
    void trainingsPerOrganiserKindAndNameAndTheClientsWithATraining() {
        String a = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String dutch = training(a, "2024-01-08", "2024-03-31", "Nederlands op de werkvloer", "PARTNER", false);
        endInstrument(a, dutch, "2024-02-29"); // 53 days
        training(a, "2024-04-01", "2024-05-31", "Heftruckchauffeur", "VDAB", true);
        String b = Registrations.trajectory(ocmw, ocmw, coach, "2024-02-01");
        String dutchAgain = training(b, "2024-02-05", "2024-04-30", "Nederlands op de werkvloer", "PARTNER", false);
        endInstrument(b, dutchAgain, "2024-03-10"); // 35 days
        Registrations.trajectory(ocmw, ocmw, coach, "2024-03-01"); // no training

        List<Map<String, Object>> names = rows("trainings?groupBy=year,organiser,kind,trainingName");
        assertEquals(2, names.size());
        assertEquals(Map.of("year", 2024, "organiser", "PARTNER", "kind", "GENERIC", "trainingName",
                "Nederlands op de werkvloer", "trainings", 2, "clients", 2, "ended", 2, "averageMonths",
                oneDecimal((53 + 35) / 2.0 / 30.4375), "medianMonths", oneDecimal((53 + 35) / 2.0 / 30.4375)),
                withDoubles(names.get(0)));
        assertEquals(Map.of("year", 2024, "organiser", "VDAB", "kind", "TECHNICAL", "trainingName", "Heftruckchauffeur",
                "trainings", 1, "clients", 1, "ended", 0), names.get(1));
        // the clients who started a training in the year: A's two count once (2021 question)
        Map<String, Object> year = rows("trainings?groupBy=year").get(0);
        assertEquals(3, year.get("trainings"));
        assertEquals(2, year.get("clients"));
        Map<String, Object> starts = rows("starts?groupBy=year").get(0);
        assertEquals(3, starts.get("trajectories"));
        assertEquals(2, starts.get("trajectoriesWithTraining"));
        assertEquals(3, starts.get("training"));
        assertEquals(((Number) starts.get("art60")).intValue() + ((Number) starts.get("bvs")).intValue()
                + ((Number) starts.get("training")).intValue() + ((Number) starts.get("wes")).intValue()
                + ((Number) starts.get("ibo")).intValue(), starts.get("instruments"));
    }

    /** Follow-up within 12 months after the trajectory's end (2024-01-31): up to 2025-01-31. */
    @Test
    void transfersPerReasonAndChannelWithTheirFollowUpWithinTwelveMonths() {
        String a = Registrations.trajectory(ocmw, ocmw, coach, "2022-02-01");
        String transfer = as(ocmw, "coach")
                .body(json(Requests.transfer(TransferReason.MAX_DURATION_REACHED, TransferChannel.SPOC_NOTE,
                        "2024-01-31")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.MAX_DURATION_REACHED,
                                "Begeleiding door VDAB."))))
                .post("/trajectories/" + a + "/transfers").then().statusCode(201).extract().path("id");
        as("vdab", "spoc").header("If-Match", "\"0\"").body(Map.of()).post("/transfers/" + transfer + "/acknowledgement")
                .then().statusCode(200);
        for (String start : List.of("2024-03-01", "2025-01-31")) { // later ones are refused (HandOverService)
            as("vdab", "spoc").body(json(new FollowUpActionInput().type(FollowUpActionType.GUIDANCE)
            .startDate(LocalDate.parse(start))))
                    .post("/transfers/" + transfer + "/follow-up-actions").then().statusCode(201);
        }
        String b = Registrations.trajectory(ocmw, ocmw, coach, "2023-05-01");
        as(ocmw, "coach").body(json(Requests.transfer(TransferReason.LONG_TRAINING, TransferChannel.VEO, "2024-06-30")
                .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.LONG_TRAINING, "Opleiding via VeO."))))
                .post("/trajectories/" + b + "/transfers").then().statusCode(201);

        assertEquals(List.of(
                Map.of("year", 2024, "reason", "LONG_TRAINING", "channel", "VEO", "transfers", 1,
                        "withFollowUpWithin12Months", 0, "followUpActionsWithin12Months", 0),
                Map.of("year", 2024, "reason", "MAX_DURATION_REACHED", "channel", "SPOC_NOTE", "transfers", 1,
                        "withFollowUpWithin12Months", 1, "followUpActionsWithin12Months", 2)),
                rows("transfers?groupBy=year,reason,channel"));
    }

    @Test
    void outcomesAsCountsAndPercentagesOfTheMeasured() {
        String[] trajectories = new String[4];
        for (int i = 0; i < 4; i++) {
            trajectories[i] = Registrations.trajectory(ocmw, ocmw, coach, "2023-0" + (i + 1) + "-01");
            end(trajectories[i], "2024-0" + (i + 1) + "-15");
        }
        measure(trajectories[0], true, true);
        measure(trajectories[1], false, true);
        measure(trajectories[2], false, null);
        Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01"); // open: not counted

        assertEquals(List.of(Map.of("year", 2024, "ended", 4, "measured", 3, "atWorkAtMeasurement", 1,
                "measuredAfter12Months", 2, "atWorkWithin12Months", 2, "percentAtWorkAtMeasurement",
                oneDecimal(100.0 / 3), "percentAtWorkWithin12Months", 100.0)),
                rows("outcomes?groupBy=year").stream().map(RegistrationFiguresTest::withDoubles).toList());
    }

    @Test
    void registrationsByTheHelpdeskOnBehalfOfTheOcmw() {
        String own = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String helped = as("vdab", "helpdesk").body(json(Requests.trajectory(ocmw, coach, "2024-02-01")))
                .post("/trajectories").then().statusCode(201)
                .extract().path("id");
        wes(own, "2024-02-01", "2024-02-29");
        as("vdab", "helpdesk").contentType(TestFiles.PDF).body(TestFiles.pdf()).queryParam("kind", "POP")
                .queryParam("title", "Plan").queryParam("fileName", "plan.pdf")
                .post("/trajectories/" + helped + "/documents").then().statusCode(201);

        assertEquals(List.of(helpdesk("DOCUMENT_VERSION", 1, 1), helpdesk("INSTRUMENT", 1, 0),
                helpdesk("TRAJECTORY", 2, 1)), rows("helpdesk?groupBy=resourceType"));
    }

    static Map<String, Object> helpdesk(String resourceType, int registrations, int byHelpdesk) {
        return Map.of("resourceType", resourceType, "registrations", registrations, "byHelpdesk", byHelpdesk,
                "requests", 0, "registrationsForRequests", 0);
    }

    @Test
    void coachesTrainedPerYear() {
        data.coach(ocmw, LocalDate.of(2024, 5, 1));
        data.coach(ocmw, LocalDate.of(2024, 6, 1));
        data.coach(ocmw, null); // not trained
        data.coach(ocmw, LocalDate.of(2025, 1, 1));

        // the accredited coach made for every test was trained on 2017-01-01
        assertEquals(List.of(Map.of("year", 2017, "coachesTrained", 1), Map.of("year", 2024, "coachesTrained", 2),
                Map.of("year", 2025, "coachesTrained", 1)), rows("coaches?groupBy=year"));
    }

    /** Plans are due 30 days after the start (twe.documents.plan-due-days); uploads happen today. */
    @Test
    void planKindsAndPlansOnTimeLateMissingOrNotYetDue() {
        LocalDate today = LocalDate.now();
        String late = Registrations.trajectory(ocmw, ocmw, coach, today.minusDays(60).toString());
        Registrations.document(ocmw, late, "POP");
        String onTime = Registrations.trajectory(ocmw, ocmw, coach, today.minusDays(10).toString());
        Registrations.document(ocmw, onTime, "GPMI");
        Registrations.document(ocmw, onTime, "REPORT"); // not a plan
        Registrations.trajectory(ocmw, ocmw, coach, today.minusDays(60).toString()); // missing
        Registrations.trajectory(ocmw, ocmw, coach, today.minusDays(5).toString()); // not yet due

        assertEquals(List.of(Map.of("trajectories", 4, "withPop", 1, "withGpmi", 1, "withOtherPlan", 0,
                "planOnTime", 1, "planLate", 1, "planMissing", 1, "planNotYetDue", 1, "ocmws", 1)), rows("plans"));
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The row with its decimal values as doubles, to compare them with computed ones. */
    static Map<String, Object> withDoubles(Map<String, Object> row) {
        Map<String, Object> converted = new HashMap<>(row);
        converted.replaceAll((k, v) -> v instanceof Float || v instanceof Double || v instanceof java.math.BigDecimal
                ? Double.valueOf(v.toString()) : v);
        return converted;
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() throws Exception {
        String a = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "+31", "-2+3", "@SUM(A1)", "\tTab", "\rReturn",
                "Lassen");
        for (int i = 0; i < names.size(); i++) { // one after the other: trainings may not overlap
            LocalDate month = LocalDate.of(2024, i + 1, 1);
            training(a, month.toString(), month.plusDays(20).toString(), names.get(i), "PARTNER", false);
        }
        String csv = as(ocmw, "analyst").accept("text/csv").get("/statistics/trainings?groupBy=trainingName").then()
                .statusCode(200).header("X-Content-Type-Options", "nosniff").extract().asString();
        List<String> cells = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows.forEachRemaining(row -> cells.add(row.get("trainingName")));
        }
        List<String> expected = names.stream().map(n -> n.equals("Lassen") ? n : "'" + n).sorted().toList();
        assertEquals(expected, cells.stream().sorted().toList());
        assertEquals(names.stream().sorted().toList(), rows("trainings?groupBy=trainingName").stream()
                .map(row -> (String) row.get("trainingName")).sorted().toList(), "JSON keeps the names as registered");
    }
}
