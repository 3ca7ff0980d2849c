package be.twe.common;

import static be.twe.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The README's "first trajectory" walk-through, run as it stands against this instance. */
@QuarkusTest
class ReadmeWalkthroughTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough -->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL api;

    @Inject
    TestData data;

    @Test
    void theWalkthroughRegistersATrajectoryWithItsFirstInstrument() throws IOException, InterruptedException {
        Matcher block = BLOCK.matcher(Files.readString(Path.of("README.md")));
        assertTrue(block.find(), "README.md has a walkthrough block");
        String ocmw = data.newOcmw();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.group(1))
                .redirectErrorStream(true);
        bash.environment().put("API", api.toString().replaceFirst("/$", ""));
        bash.environment().put("OCMW", ocmw);
        bash.environment().put("INSZ", TestData.newInsz());
        Process run = bash.start();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the walkthrough ends within a minute");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);

        String trajectory = data.rows("select id, start_date from trajectory where ocmw_id = ?", ocmw).get(0)
                .split("\\|")[0];
        as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200)
                .body("startDate", equalTo("2024-02-01"));
        as(ocmw, "coach").get("/trajectories/" + trajectory + "/instruments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("WES"));
        assertTrue(output.contains("\"id\":\"" + trajectory + "\""), "step 5 prints the trajectory");
    }
}
