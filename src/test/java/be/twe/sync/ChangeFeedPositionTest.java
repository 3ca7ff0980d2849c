package be.twe.sync;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.DatabaseOwner;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Positions without a commit lock (V31, ADR 0008): a write that began earlier and is still running
 * holds back the entries written after it, and once it commits its entry comes first. A reader
 * that followed positions alone would have moved past it and skipped it for good.
 */
@QuarkusTest
class ChangeFeedPositionTest {
    @Inject
    TestData data;

    @Test
    void aWriteStillRunningHoldsBackLaterEntriesAndIsNotSkipped() throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String earlier = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        long start = data.feedPosition();

        try (Connection held = DatabaseOwner.connect()) {
            held.setAutoCommit(false);
            // the held transaction begins to write first: it changes a trajectory but does not commit
            try (PreparedStatement s = held.prepareStatement(
                    "update trajectory set external_reference = 'held', version = version + 1 where id = ?")) {
                s.setObject(1, UUID.fromString(earlier));
                assertEquals(1, s.executeUpdate());
            }
            ExtractableResponse<Response> created = as(ocmw, "coach").body(Map.of("ocmwId", ocmw,
                            "clientInsz", TestData.newInsz(), "startDate", "2024-02-01", "coachId", coach.toString()))
                    .post("/trajectories").then().statusCode(201).extract();
            String later = created.path("id");
            long laterPosition = Long.parseLong(created.header("Feed-Position"));
            assertTrue(laterPosition > start, "the write knows its position");
            assertEquals(List.of(), entriesAfter(ocmw, start), "nothing after the running write is listed yet");
            assertEquals(start, as(ocmw, "coach").get("/changes?after=" + start).then().extract().jsonPath()
                    .getLong("position"), "and the page's position stays where it was");
            held.commit();

            List<Map<String, Object>> after = entriesAfter(ocmw, start);
            assertEquals(List.of(earlier, later), after.stream().map(e -> e.get("resourceId")).toList(),
                    "the held write's entry first, then the later one, none skipped");
            assertEquals(List.of("UPDATED", "CREATED"), after.stream().map(e -> e.get("kind")).toList());
            assertEquals(laterPosition, ((Number) after.get(1).get("position")).longValue(),
                    "the later entry is at the position its write was told");
            assertTrue(((Number) after.get(0).get("position")).longValue() < laterPosition);
        }
    }

    private static List<Map<String, Object>> entriesAfter(String ocmw, long after) {
        return as(ocmw, "coach").get("/changes?after=" + after).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }
}
