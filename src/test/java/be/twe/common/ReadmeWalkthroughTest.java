package be.twe.common;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "first trajectory" walk-through, run as it stands against this instance: twice
 * against one OCMW, and once where its first call fails (issue 32).
 */
@QuarkusTest
class ReadmeWalkthroughTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough -->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL api;

    @Inject
    TestData data;

    /** The walk-through's output and exit status, run as it stands against this instance for the OCMW. */
    record Run(int exit, String output) {
    }

    Run walkthrough(String ocmw) throws IOException, InterruptedException {
        return walkthrough(ocmw, Map.of());
    }

    Run walkthrough(String ocmw, Map<String, String> environment) throws IOException, InterruptedException {
        Matcher block = BLOCK.matcher(Files.readString(Path.of("README.md")));
        assertTrue(block.find(), "README.md has a walkthrough block");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", block.group(1)).redirectErrorStream(true);
        bash.environment().put("API", api.toString().replaceFirst("/$", "") + Api.BASE);
        bash.environment().put("OCMW", ocmw);
        bash.environment().putAll(environment);
        Process run = bash.start();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the walkthrough ends within a minute");
        return new Run(run.exitValue(), new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theWalkthroughRegistersATrajectoryWithItsFirstInstrumentAndCanRunAgain() throws Exception {
        String ocmw = data.newOcmw();
        for (int round = 1; round <= 2; round++) {
            Run run = walkthrough(ocmw);
            assertEquals(0, run.exit(), run.output());
            List<String> trajectories = data.rows("select id, start_date from trajectory where ocmw_id = ? "
                    + "order by updated_at", ocmw);
            assertEquals(round, trajectories.size(), "a new client's trajectory at each run");
            String trajectory = trajectories.get(round - 1).split("\\|")[0];
            as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200)
                    .body("startDate", equalTo("2024-02-01"));
            as(ocmw, "coach").get("/trajectories/" + trajectory + "/instruments").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].type", equalTo("WES"));
            assertTrue(run.output().contains("\"id\":\"" + trajectory + "\""), "step 5 prints the trajectory");
        }
    }

    @Test
    void theWalkthroughStopsAtTheFirstCallThatFails() throws Exception {
        Run run = walkthrough("ocmw-that-does-not-exist");
        assertNotEquals(0, run.exit(), run.output());
        assertFalse(run.output().contains("An Peeters"), "no coach was asked for after step 1 failed: " + run.output());

        // a call whose answer a later step uses (step 3, the trajectory's id): the client has one open already
        String ocmw = data.newOcmw();
        String insz = TestData.newInsz();
        as(ocmw, "coach").body(json(Requests.trajectory(ocmw, data.accreditedCoach(ocmw), "2024-01-01")
                .clientInsz(insz))).post("/trajectories").then().statusCode(201);
        run = walkthrough(ocmw, Map.of("INSZ", insz));
        assertNotEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("client-has-open-trajectory"), run.output());
        assertEquals(1, run.output().split("curl: \\(22\\)", -1).length - 1, "one failed call, then none: " + run.output());
    }
}
