package be.twe.privacy;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TransferAnswer;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferNote;
import be.twe.api.model.TransferQuestion;
import be.twe.api.model.TransferReason;
import be.twe.privacy.service.RetentionJob;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Retention (issue 21, ADR 0031) on a fresh OCMW: a file that ended in 2020 with every kind of free
 * text and a plan document, a file that ended in 2025, and a client with an old ended file and an
 * open one. The job runs with a cut-off of 2024-01-01 for this OCMW only.
 */
@QuarkusTest
class RetentionTest {
    static final LocalDate CUT_OFF = LocalDate.of(2024, 1, 1);
    static final List<String> FIGURES = List.of("starts", "ends", "instruments", "target-years", "trainings",
            "transfers", "outcomes", "helpdesk", "coaches", "plans");

    @Inject
    TestData data;
    @Inject
    RetentionJob retention;

    String ocmw;
    UUID coach;
    String old;
    String oldInsz;
    String recent;
    String returning;
    String returningInsz;
    String instrument;
    String document;
    String transfer;

    @BeforeEach
    void files() {
        ocmw = data.newOcmw("44021");
        coach = data.accreditedCoach(ocmw);
        oldInsz = TestData.newInsz();
        old = trajectory(oldInsz, "2019-01-01", "old-file");
        instrument = Registrations.wes(ocmw, old, coach, "2019-02-01", "2019-07-31");
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2019-05-31", InstrumentOutcome.STOPPED_EARLY)
                .stopReason("Ziek, zegt zijn huisarts.")))
                .post("/trajectories/" + old + "/instruments/" + instrument + "/end").then().statusCode(200);
        document = Registrations.document(ocmw, old, "POP");
        transfer = as(ocmw, "coach")
                .body(json(Requests.transfer(TransferReason.OTHER, TransferChannel.SPOC_NOTE, "2020-06-30")
                        .reasonText("Verhuist naar zijn zus.")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.STOPPED_EARLY,
                                "Begeleiding bij VDAB."))))
                .post("/trajectories/" + old + "/transfers").then().statusCode(201).extract().path("id");
        as("vdab", "spoc").header("If-Match", "\"0\"").body(json(new TransferQuestion().question("Welk adres?")))
                .post("/transfers/" + transfer + "/return").then().statusCode(200);
        as(ocmw, "coach").header("If-Match", "\"1\"").body(json(new TransferAnswer()
                .answer("Bij zijn zus, Kerkstraat 1.")))
                .post("/transfers/" + transfer + "/answer").then().statusCode(200);
        as("vdab", "spoc").header("If-Match", "\"2\"").body(json(new TransferNote().note("Ontvangen.")))
                .post("/transfers/" + transfer + "/acknowledgement").then().statusCode(200);
        as("vdab", "spoc").body(json(new FollowUpActionInput().type(FollowUpActionType.OTHER)
                .startDate(LocalDate.parse("2020-09-01")).description("Taalcursus.")))
                .post("/transfers/" + transfer + "/follow-up-actions").then().statusCode(201);

        recent = trajectory(TestData.newInsz(), "2024-01-01", null);
        end(recent, "2025-03-31");
        returningInsz = TestData.newInsz();
        returning = trajectory(returningInsz, "2018-01-01", null);
        end(returning, "2019-12-31");
        trajectory(returningInsz, "2024-06-01", null); // open: the client is still followed
    }

    private String trajectory(String insz, String start, String reference) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ocmwId", ocmw, "clientInsz", insz, "startDate", start,
                "coachId", coach.toString()));
        if (reference != null) {
            body.put("externalReference", reference);
        }
        return as(ocmw, "coach").body(body).post("/trajectories").then().statusCode(201).extract().path("id");
    }

    private void end(String trajectory, String endDate) {
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end(endDate, TrajectoryEndReason.WORK_NEC, "Werkt bij de bakker.")))
                .post("/trajectories/" + trajectory + "/end").then()
                .statusCode(200);
    }

    private Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            figures.put(figure, as(ocmw, "coach").get("/statistics/" + figure + "?groupBy=year").then().statusCode(200)
                    .extract().jsonPath().getList("rows"));
        }
        figures.put("ends by reason", as(ocmw, "coach").get("/statistics/ends?groupBy=year,endReason").then()
                .statusCode(200).extract().jsonPath().getList("rows"));
        figures.put("transfers by reason", as(ocmw, "coach").get("/statistics/transfers?groupBy=year,reason,channel")
                .then().statusCode(200).extract().jsonPath().getList("rows"));
        for (String quarter : List.of("2019-Q1", "2019-Q2", "2020-Q2", "2025-Q1")) {
            figures.put(quarter, as(ocmw, "admin").get("/organisations/" + ocmw + "/funding?quarter=" + quarter)
                    .then().statusCode(200).extract().asString());
        }
        return figures;
    }

    private JsonPath get(String path) {
        return as(ocmw, "coach").get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statisticsAndFundingAreTheSameAfterwards() {
        Map<String, Object> before = figures();
        assertTrue(retention.run(CUT_OFF, ocmw) >= 2);
        assertEquals(before, figures());
    }

    @Test
    void anOldFileKeepsItsFactsAndLosesItsPersonalData() {
        long position = data.feedPosition();
        String stored = "select count(*) from pg_largeobject_metadata m join document_version v "
                + "on 'pg-lo:' || m.oid = v.storage_key where v.document_id = cast(?1 as uuid)";
        assertEquals(1, data.count(stored, document), "the content is stored before");
        assertEquals(2, retention.run(CUT_OFF, ocmw), "the two files that ended before 2024");

        JsonPath trajectory = get("/trajectories/" + old);
        assertNull(trajectory.get("clientInsz"));
        assertNotNull(trajectory.get("pseudonymisedAt"));
        assertEquals(RetentionJob.REMOVED, trajectory.get("endAdvice"));
        assertNull(trajectory.get("externalReference"));
        assertEquals("2020-06-30", trajectory.get("endDate"), "the facts stay");
        assertEquals("STOPPED_EARLY", trajectory.get("endReason"));
        JsonPath wes = get("/trajectories/" + old + "/instruments/" + instrument);
        assertEquals(RetentionJob.REMOVED, wes.get("stopReason"));
        assertEquals(RetentionJob.REMOVED, wes.get("employer"));
        assertEquals("STOPPED_EARLY", wes.get("outcome"));
        JsonPath handOver = get("/transfers/" + transfer);
        assertEquals(RetentionJob.REMOVED, handOver.get("reasonText"));
        assertEquals("OTHER", handOver.get("reason"));
        assertTrue(handOver.<String>getList("steps.note").stream()
                .allMatch(note -> note == null || note.equals(RetentionJob.REMOVED)), handOver.prettify());
        assertEquals(List.of(RetentionJob.REMOVED), handOver.getList("followUpActions.description"));
        JsonPath plan = get("/trajectories/" + old + "/documents/" + document);
        assertEquals(RetentionJob.REMOVED, plan.get("title"));
        assertEquals(RetentionJob.REMOVED, plan.get("versions[0].fileName"));
        problem(as(ocmw, "coach").get("/trajectories/" + old + "/documents/" + document + "/versions/1/content")
                .then(), 410, "document-version-erased");
        assertEquals(0, data.count(stored, document), "and erased after");
        assertEquals(0, data.count("select count(*) from client where insz = ?1", oldInsz));
        assertEquals(1, data.count("select count(*) from client c join trajectory t on t.client_id = c.id "
                + "where t.id = cast(?1 as uuid) and c.pseudonym ~ '^[0-9a-f]{64}$'", old));
        assertTrue(data.count("select count(*) from change_event where position > ?1 and resource_id = ?2",
                position, old) > 0, "synchronising systems are told to fetch the pseudonymised file");
    }

    @Test
    void filesWithinThePeriodAndClientsStillFollowedKeepTheirData() {
        retention.run(CUT_OFF, ocmw);
        JsonPath recentFile = get("/trajectories/" + recent);
        assertNull(recentFile.get("pseudonymisedAt"));
        assertEquals("Werkt bij de bakker.", recentFile.get("endAdvice"));
        assertNotNull(recentFile.get("clientInsz"));

        JsonPath returned = get("/trajectories/" + returning);
        assertNotNull(returned.get("pseudonymisedAt"), "the old file itself is pseudonymised");
        assertEquals(RetentionJob.REMOVED, returned.get("endAdvice"));
        assertEquals(returningInsz, returned.get("clientInsz"), "but the client, followed again, keeps the INSZ");
    }

    @Test
    void aDocumentWhoseContentIsAlreadyGoneDoesNotHoldRetentionUp() {
        assertEquals(1, data.count("select count(lo_unlink(m.oid)) from pg_largeobject_metadata m join document_version v "
                + "on 'pg-lo:' || m.oid = v.storage_key where v.document_id = cast(?1 as uuid)", document));
        assertEquals(2, retention.run(CUT_OFF, ocmw));
        problem(as(ocmw, "coach").get("/trajectories/" + old + "/documents/" + document + "/versions/1/content")
                .then(), 410, "document-version-erased");
    }

    @Test
    void runningAgainChangesNothing() {
        retention.run(CUT_OFF, ocmw);
        long version = ((Number) get("/trajectories/" + old).get("version")).longValue();
        assertEquals(0, retention.run(CUT_OFF, ocmw));
        assertEquals(version, ((Number) get("/trajectories/" + old).get("version")).longValue());
    }
}
