package be.twe.support;

import static be.twe.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.restassured.path.json.JsonPath;

/** Background jobs (imports, exports) seen through the API. */
public final class Jobs {
    private Jobs() {
    }

    /** Polls the job at {@code path} until its status is FINISHED or FAILED; returns it. */
    public static JsonPath await(String caller, String path, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonPath job = as(caller, "coach").get(path).then().statusCode(200).extract().jsonPath();
            if (Set.of("FINISHED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " not finished after " + timeout + ": " + job.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
