package be.twe.common;

import static be.twe.support.Api.anonymous;
import static io.restassured.RestAssured.given;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.support.Contract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractServedTest {

    @Test
    void theBasePathServesTheContractItself() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode contract = yaml.readTree(Files.readString(Contract.BUNDLE));
        String served = invalid(anonymous()).get("/doc/openapi.yaml").then().statusCode(200).extract().asString();
        assertEquals(contract, yaml.readTree(served));
        assertEquals("/api/v1", contract.path("servers").path(0).path("url").asText());
        assertEquals(contract, new ObjectMapper().readTree(invalid(anonymous()).get("/doc/openapi.json").then().statusCode(200)
                .extract().asString()));
    }

    @Test
    void withoutAnExtensionTheContractIsYamlUnlessJsonIsAskedFor() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.BUNDLE));
        invalid(anonymous()).get("/doc/openapi").then().statusCode(200).contentType(startsWith("application/yaml"));
        assertEquals(contract, new ObjectMapper().readTree(invalid(anonymous()).accept("application/json")
                .get("/doc/openapi").then().statusCode(200).contentType(startsWith("application/json")).extract().asString()));
        assertEquals(contract, new ObjectMapper().readTree(invalid(anonymous()).queryParam("format", "json")
                .get("/doc/openapi").then().statusCode(200).extract().asString()));
        invalid(anonymous()).head("/doc/openapi.yml").then().statusCode(200).contentType(startsWith("application/yaml"));
    }

    @Test
    void theBundleIsTheSplitContractAsOneDocument() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root = yaml.readTree(Files.readString(Path.of("openapi.yaml")));
        String bundle = Files.readString(Contract.BUNDLE);
        JsonNode bundled = yaml.readTree(bundle);
        assertEquals(names(root.path("paths")),
                names(bundled.path("paths")));
        assertEquals(root.path("info"), bundled.path("info"));
        assertFalse(bundle.contains(".yaml#"), "the bundle refers to no other file");
        assertTrue(root.path("paths").path("/trajectories").has("$ref"), "the root names its paths in files");
    }

    @Test
    void readinessIncludesTheDatabase() {
        invalid(given()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database")).body("checks.find { it.name == 'database' }.data", nullValue());
        invalid(given()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
