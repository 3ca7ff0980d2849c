package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The lists inside a trajectory are keyset-paged like every other list (issue 6). */
@QuarkusTest
class TrajectoryListPagingTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    String trajectory;

    @BeforeEach
    void freshTrajectory() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
    }

    RequestSpecification coach() {
        return as(ocmw, "coach");
    }

    @Test
    void instrumentsComeInPagesByStartDateWithoutGapsOrRepeats() {
        List<String> made = new ArrayList<>();
        // made in another order than their start dates
        for (String[] period : List.of(new String[] {"2024-06-01", "2024-07-31"}, new String[] {"2024-02-01",
                "2024-03-31"}, new String[] {"2024-10-01", "2024-11-30"}, new String[] {"2024-04-01", "2024-05-31"},
                new String[] {"2024-08-01", "2024-09-30"})) {
            made.add(Registrations.wes(ocmw, trajectory, coach, period[0], period[1]));
        }
        String path = "/trajectories/" + trajectory + "/instruments";
        assertEquals(List.of(made.get(1), made.get(3), made.get(0), made.get(4), made.get(2)),
                Api.allPages(this::coach, path + "?limit=2", "id"));
        coach().get(path).then().body("items", hasSize(5)).body("next", equalTo(null));
        problem(invalid(coach()).get(path + "?limit=501").then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("limit"));
        problem(coach().get(path + "?cursor=bm90LWEtY3Vyc29y").then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("cursor"));
    }

    @Test
    void documentsComeInPagesOldestFirstAlsoPerKind() {
        List<String> made = new ArrayList<>();
        for (String kind : List.of("POP", "REPORT", "POP", "POP")) {
            made.add(Registrations.document(ocmw, trajectory, kind));
        }
        String path = "/trajectories/" + trajectory + "/documents";
        assertEquals(made, Api.allPages(this::coach, path + "?limit=1", "id"));
        assertEquals(List.of(made.get(0), made.get(2), made.get(3)),
                Api.allPages(this::coach, path + "?kind=POP&limit=2", "id"));
        problem(invalid(coach()).get(path + "?limit=0").then(), 400, "invalid-input");

        // documents made in the same instant are ordered by id, and still none is skipped
        data.execute("update document set created_at = '2024-05-01T10:00:00Z' where trajectory_id = ?1",
                UUID.fromString(trajectory));
        assertEquals(made.stream().sorted().toList(), Api.allPages(this::coach, path + "?limit=1", "id"));
    }
}
