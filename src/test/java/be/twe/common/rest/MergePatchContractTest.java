package be.twe.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.support.Contract;

/** Every record with a PUT has a PATCH that merges into that PUT's body, and nothing else (issue 32). */
class MergePatchContractTest {

    @Test
    void everyPutOfARecordHasAMergePatchOfItsBody() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.BUNDLE)).path("paths");
        List<String> patched = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            JsonNode put = path.getValue().path("put");
            JsonNode patch = path.getValue().path("patch");
            if (put.isMissingNode() || path.getKey().contains("/by-reference/")) { // create-or-update: no record yet
                assertTrue(patch.isMissingNode(), path.getKey());
                continue;
            }
            String body = put.at("/requestBody/content/application~1json/schema/$ref").asText();
            assertEquals(body.substring(body.lastIndexOf('/') + 1), patch.path("x-merge-patch-of").asText(), path.getKey());
            assertEquals("#/components/schemas/MergePatch",
                    patch.at("/requestBody/content/application~1merge-patch+json/schema/$ref").asText(), path.getKey());
            assertEquals(1, patch.path("requestBody").path("content").size(), path.getKey());
            assertEquals(put.path("security"), patch.path("security"), path.getKey());
            assertEquals(put.path("parameters"), patch.path("parameters"), path.getKey() + ": If-Match as for PUT");
            patched.add(path.getKey());
        }
        assertEquals(7, patched.size(), patched.toString());
    }
}
