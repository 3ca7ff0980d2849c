package be.twe.common.ratelimit;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * With the shipped settling (ADR 0039), Bucket4j settles concurrent calls of one bucket together,
 * on one request's thread: tokens naming no organisation get their 403, not a 500, and the known
 * organisation's requests meanwhile keep their limit (issue 32; ContractFuzzTest found the 500s).
 */
@QuarkusTest
class RateLimitSettlingTest {
    @Inject
    TestData data;

    @Test
    void aTokenOfNoOrganisationGets403AndOthersAreStillLimited() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            String known = data.newOcmw();
            for (int i = 0; i < 64; i++) { // concurrent calls of one bucket are settled together
                boolean ofKnown = i % 2 == 0;
                String organisation = ofKnown ? known : "ocmw-none";
                answers.add(callers.submit(() -> {
                    Response answer = as(organisation, "admin").get("/municipalities");
                    boolean right = ofKnown ? answer.statusCode() == 200 && answer.header("RateLimit") != null
                            : answer.statusCode() == 403;
                    return right ? "" : organisation + " answered " + answer.statusCode() + " with RateLimit "
                            + answer.header("RateLimit");
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("", answer.get());
            }
        } finally {
            callers.shutdown();
        }
    }
}
