package be.twe.sync;

import static be.twe.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.Api;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A whole sync round with the Python and the TypeScript clients the build generates from the
 * contract (issue 32): create, page by cursor, page through the feed, PATCH one field and clear it
 * with null, and a figure as CSV, with no hand-written HTTP (examples/generated-clients).
 */
@QuarkusTest
class GeneratedClientsTest {
    @Inject
    TestData data;
    @TestHTTPResource("/")
    URL base;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void thePythonClientRunsASyncRound() throws Exception {
        syncRound(List.of("python3", "examples/generated-clients/python/sync_round.py"),
                Map.of("PYTHONPATH", "target/generated-clients/python"));
    }

    @Test
    void theTypeScriptClientRunsASyncRound() throws Exception {
        syncRound(List.of("node",
                "target/generated-clients/typescript-round/examples/generated-clients/typescript/sync-round.js"), Map.of());
    }

    private void syncRound(List<String> command, Map<String, String> environment) throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        JsonNode round = run(command, environment, Map.of("TWE_BASE_URL", base.toString().replaceFirst("/$", "") + Api.BASE,
                "TWE_TOKEN", Tokens.token(ocmw, "coach"), "TWE_OCMW", ocmw, "TWE_COACH", coach.toString(),
                "TWE_INSZ", TestData.newInsz() + "," + TestData.newInsz()));

        List<String> created = strings(round.get("created"));
        assertEquals(2, Set.copyOf(created).size(), round.toString());
        assertEquals(Set.copyOf(created), Set.copyOf(strings(round.get("listed"))), "one page per trajectory");
        assertEquals(2, strings(round.get("listed")).size(), "no trajectory twice over the pages");
        List<String> fed = strings(round.get("fed"));
        assertTrue(fed.containsAll(created.stream().map(id -> "/trajectories/" + id).toList()), fed.toString());

        String first = created.get(0);
        assertEquals("round-1", round.at("/patched/externalReference").asText());
        assertEquals(1, round.at("/patched/version").asInt());
        assertEquals(coach.toString(), round.at("/patched/coachId").asText(), "a field left out is kept");
        assertTrue(round.at("/cleared/externalReference").isNull(), round.toString());
        assertEquals(2, round.at("/cleared/version").asInt());
        as(ocmw, "coach").get("/trajectories/" + first).then().statusCode(200)
                .body("version", equalTo(2)).body("externalReference", nullValue())
                .body("coachId", equalTo(coach.toString()));
        List<String> fedAfterPatch = strings(round.get("fedAfterPatch"));
        assertTrue(fedAfterPatch.contains("/trajectories/" + first), fedAfterPatch.toString());
        assertFalse(fedAfterPatch.contains("/trajectories/" + created.get(1)), fedAfterPatch.toString());

        String csv = round.get("csv").asText();
        assertTrue(csv.startsWith("year,trajectories,"), csv);
        assertTrue(csv.contains("\n2024,2,"), csv);
    }

    /** Runs the round; its last line of output is its JSON. */
    private JsonNode run(List<String> command, Map<String, String> environment, Map<String, String> round)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().putAll(round);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the round ended");
        String printed = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        List<String> lines = printed.lines().toList();
        return json.readTree(lines.get(lines.size() - 1));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
