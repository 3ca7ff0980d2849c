package be.twe.transfer;

import static be.twe.support.Requests.json;
import static be.twe.transfer.TransferFixture.acknowledge;
import static be.twe.transfer.TransferFixture.body;
import static be.twe.transfer.TransferFixture.etag;
import static be.twe.transfer.TransferFixture.spoc;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Api;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** VDAB's SPOC queue, and the rules that hold under concurrent requests. */
@QuarkusTest
class TransferQueueTest {
    @Inject
    TestData data;

    TransferFixture ghent;
    TransferFixture antwerp;

    @BeforeEach
    void twoProvinces() {
        ghent = new TransferFixture(data, "44021");
        antwerp = new TransferFixture(data, "11002");
    }

    /** A transfer of a trajectory that the transfer ended on {@code date}. */
    String transferOn(TransferFixture ocmw, LocalDate date, String reason) {
        Map<String, Object> body = body(reason, "SPOC_NOTE", date, false);
        body.put("trajectoryEnd", Map.of("endReason", "INDICATION_SPECIALISED_GUIDANCE", "endAdvice", "GTB."));
        return ocmw.create(ocmw.trajectory(date.minusMonths(6)), body).statusCode(201).extract().path("id");
    }

    @Test
    void theQueueFiltersOnStatusProvinceOcmwReasonAndAge() {
        LocalDate today = LocalDate.now();
        String oldGhent = transferOn(ghent, today.minusDays(100), "INDICATION_SPECIALISED_GUIDANCE");
        String newGhent = transferOn(ghent, today.minusDays(10), "INDICATION_CUSTOM_WORK");
        String oldAntwerp = transferOn(antwerp, today.minusDays(60), "INDICATION_SPECIALISED_GUIDANCE");
        acknowledge(newGhent).statusCode(200);
        String both = "&ocmwId=";

        spoc().get("/transfers?province=40000" + both + ghent.ocmw).then().statusCode(200)
                .body("items.id", contains(oldGhent, newGhent));
        spoc().get("/transfers?province=10000" + both + ghent.ocmw).then().body("items", empty());
        spoc().get("/transfers?province=10000" + both + antwerp.ocmw).then().body("items.id", contains(oldAntwerp));
        spoc().get("/transfers?status=REQUESTED" + both + ghent.ocmw).then().body("items.id", contains(oldGhent));
        spoc().get("/transfers?status=ACKNOWLEDGED" + both + ghent.ocmw).then().body("items.id", contains(newGhent));
        spoc().get("/transfers?reason=INDICATION_CUSTOM_WORK" + both + ghent.ocmw).then()
                .body("items.id", contains(newGhent));
        spoc().get("/transfers?olderThanDays=50" + both + ghent.ocmw).then().body("items.id", contains(oldGhent));
        spoc().get("/transfers?olderThanDays=100" + both + ghent.ocmw).then().body("items.id", contains(oldGhent));
        spoc().get("/transfers?olderThanDays=101" + both + ghent.ocmw).then().body("items", empty());
        // an OCMW's queue holds its own transfers only, whatever it filters on
        ghent.coachRequest().get("/transfers?ocmwId=" + antwerp.ocmw).then().body("items", empty());
    }

    @Test
    void theQueueIsPagedOldestFirstWithoutGapsOrRepeats() {
        LocalDate today = LocalDate.now();
        List<String> expected = new ArrayList<>();
        for (int days : new int[] {40, 30, 30, 30, 20}) {
            expected.add(transferOn(ghent, today.minusDays(days), "INDICATION_CUSTOM_WORK"));
        }
        List<String> seen = Api.allPages(TransferFixture::spoc, "/transfers?limit=2&ocmwId=" + ghent.ocmw, "id");
        List<String> dates = Api.allPages(TransferFixture::spoc, "/transfers?limit=2&ocmwId=" + ghent.ocmw,
                "transferDate");
        assertEquals(expected.size(), seen.size(), seen.toString());
        assertEquals(new HashSet<>(expected), new HashSet<>(seen));
        assertEquals(dates.stream().sorted().toList(), dates, "oldest transfer date first");
        spoc().get("/transfers?limit=5&ocmwId=" + ghent.ocmw).then().body("next", nullValue());
    }

    @Test
    void parallelTransfersOfOneTrajectoryGiveExactlyOne() throws Exception {
        String trajectory = ghent.trajectory(LocalDate.now().minusMonths(7));
        ghent.coachRequest().header("If-Match", "\"0\"").body(json(Requests.end(LocalDate.now()
                .minusDays(3), TrajectoryEndReason.LONG_TRAINING, "Opleiding.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
        List<Integer> statuses = Parallel.statuses(6, i -> ghent.create(trajectory,
                body("LONG_TRAINING", "VEO", LocalDate.now().minusDays(i % 3), false)).extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 409), statuses.toString());
        UUID id = UUID.fromString(trajectory);
        assertEquals(1, data.count("select count(*) from transfer where trajectory_id = ?1", id));
        assertEquals(1, data.count("select count(*) from transfer_step s join transfer t on t.id = s.transfer_id"
                + " where t.trajectory_id = ?1", id));
    }

    @Test
    void twoSpocsAcknowledgingTheSameVersionGiveOneStep() throws Exception {
        String transfer = ghent.requested();
        String version = etag(transfer);
        List<Integer> statuses = Parallel.statuses(4, i -> spoc().header("If-Match", version).body(Map.of())
                .post("/transfers/" + transfer + "/acknowledgement").then().extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 412 || s == 409).count(), statuses.toString());
        spoc().get("/transfers/" + transfer).then().body("steps.kind", contains("REQUESTED", "ACKNOWLEDGED"))
                .body("version", equalTo(1));
    }

    /** The query the statistics (issue 7) build on: codes only, no free text; see docs/design/transfers.md. */
    static final String COUNT_PER_YEAR_MUNICIPALITY_REASON_CHANNEL = """
            select extract(year from t.transfer_date)::int, o.nis_code, t.reason, t.channel, count(*)
            from transfer t join organisation o on o.id = t.ocmw_id
            where t.ocmw_id in (?1, ?2)
            group by 1, 2, 3, 4 order by 1, 2, 3, 4""";

    @Test
    void transfersAreCountedPerYearMunicipalityReasonAndChannel() {
        for (TransferFixture ocmw : List.of(ghent, ghent, antwerp)) {
            ocmw.create(ocmw.trajectory(LocalDate.of(2021, 1, 1)),
                    body("MAX_DURATION_REACHED", "SPOC_NOTE", LocalDate.of(2022, 12, 31), true)).statusCode(201);
        }
        ghent.create(ghent.trajectory(LocalDate.of(2022, 3, 1)),
                body("MAX_DURATION_REACHED", "SPOC_NOTE", LocalDate.of(2024, 2, 29), true)).statusCode(201);
        Map<String, Object> other = body("OTHER", "VEO", LocalDate.of(2023, 6, 30), true);
        other.put("reasonText", "Verhuisd");
        ghent.create(ghent.trajectory(LocalDate.of(2023, 1, 1)), other).statusCode(201);
        String reported = ghent.trajectory(LocalDate.of(2023, 2, 1));
        Map<String, Object> line = body("CLIENT_REPORTED", "SERVICE_LINE", LocalDate.of(2023, 7, 1), false);
        line.put("trajectoryEnd", Map.of("endReason", "STOPPED_EARLY", "endAdvice", "Zelf gemeld."));
        TransferFixture.create(spoc(), reported, line).statusCode(201);

        assertEquals(List.of(
                        "2022|11002|MAX_DURATION_REACHED|SPOC_NOTE|1",
                        "2022|44021|MAX_DURATION_REACHED|SPOC_NOTE|2",
                        "2023|44021|CLIENT_REPORTED|SERVICE_LINE|1",
                        "2023|44021|OTHER|VEO|1",
                        "2024|44021|MAX_DURATION_REACHED|SPOC_NOTE|1"),
                data.rows(COUNT_PER_YEAR_MUNICIPALITY_REASON_CHANNEL, ghent.ocmw, antwerp.ocmw));
    }
}
