package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.api.model.WebhookSubscriptionInput;
import be.twe.support.Contract;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A generated client reads the version of a record from its body, not only from the ETag header
 * that its typed methods drop (issue 32): every record answered with an ETag carries it as {@code version}.
 */
@QuarkusTest
class VersionBesideETagTest {
    @Inject
    TestData data;

    @Test
    void everyRecordTheContractAnswersWithAnETagHasAVersion() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.BUNDLE));
        TreeSet<String> without = new TreeSet<>();
        int records = 0;
        for (JsonNode path : contract.path("paths")) {
            for (JsonNode operation : path) {
                for (JsonNode response : operation.path("responses")) {
                    String ref = response.at("/content/application~1json/schema/$ref").asText();
                    if (response.path("headers").has("ETag") && !ref.isEmpty()) {
                        records++;
                        JsonNode schema = contract.at(ref.substring(1));
                        if (!schema.path("properties").has("version")
                                || !schema.path("required").toString().contains("\"version\"")) {
                            without.add(ref);
                        }
                    }
                }
            }
        }
        assertTrue(without.isEmpty(), "records with an ETag but no required version: " + without);
        assertTrue(records > 20, "answers with an ETag: " + records);
    }

    @Test
    void theVersionIsTheETagsValue() {
        String ocmw = data.newOcmw();
        var coach = data.accreditedCoach(ocmw);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-02-01");
        String document = Registrations.document(ocmw, trajectory, "POP");
        String subscription = as(ocmw, "admin").body(json(new WebhookSubscriptionInput()
                .url("http://127.0.0.1:9/hook").eventTypes(List.of("*"))))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        for (Response read : List.of(
                as(ocmw, "admin").get("/organisations/" + ocmw + "/partner-agreement"),
                as(ocmw, "coach").get("/trajectories/" + trajectory + "/documents/" + document),
                as(ocmw, "coach").get("/trajectories/" + trajectory + "/documents/" + document + "/versions/1"),
                as(ocmw, "admin").get("/webhook-subscriptions/" + subscription))) {
            read.then().statusCode(200);
            assertEquals(read.header("ETag"), "\"" + read.path("version") + "\"", read.asString());
        }
    }
}
