package be.twe.common;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractServedTest {

    @Test
    void qOpenapiServesTheContractItself() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode contract = yaml.readTree(Files.readString(Path.of("openapi.yaml")));
        String served = invalid(anonymous()).get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(contract, yaml.readTree(served));
    }

    @Test
    void readinessIncludesTheDatabase() {
        invalid(anonymous()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        invalid(anonymous()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
