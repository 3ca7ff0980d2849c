package be.twe.organisation;

import static be.twe.support.Problems.exactly;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.FinancialDetailsUpdate;
import be.twe.support.Api;
import be.twe.support.Parallel;
import be.twe.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FinancialDetailsApiTest {
    static final String VALID_KBO = "0403019261";
    static final String VALID_IBAN = "BE32123456789002";

    @Inject
    TestData data;
    @Inject
    EntityManager em;

    String ocmw;

    @BeforeEach
    void freshOcmw() {
        ocmw = data.newOcmw();
    }

    String path() {
        return "/organisations/" + ocmw + "/financial-details";
    }

    static String body(String kbo, String iban) {
        return json(new FinancialDetailsUpdate().kboNumber(kbo).iban(iban));
    }

    @Test
    void adminChangesOwnDetailsWithIfMatchAndTheChangeIsAudited() {
        String etag = as(ocmw, "admin").get(path()).then().statusCode(200)
                .body("kboNumber", nullValue()).extract().header("ETag");

        as(ocmw, "admin").header("If-Match", etag).body(body(VALID_KBO, VALID_IBAN)).put(path())
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("kboNumber", equalTo(VALID_KBO))
                .body("iban", equalTo(VALID_IBAN))
                .body("version", equalTo(1))
                .body("updatedAt", notNullValue());

        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actorSubject", equalTo("test-user@" + ocmw))
                .body("items[0].actorOrganisationId", equalTo(ocmw))
                .body("items[0].organisationId", equalTo(ocmw))
                .body("items[0].action", equalTo("update"))
                .body("items[0].oldValue.iban", nullValue())
                .body("items[0].newValue.iban", equalTo(VALID_IBAN))
                .body("items[0].newValue.kboNumber", equalTo(VALID_KBO));
    }

    @Test
    void vdabChangesAnOcmwsDetailsAndTheOcmwSeesWhoDidIt() {
        as("vdab", "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, VALID_IBAN)).put(path())
                .then().statusCode(200);
        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then().statusCode(200)
                .body("items.actorOrganisationId", contains("vdab"));
    }

    @Test
    void withoutIfMatchIs428AndNothingChanges() {
        invalid(as(ocmw, "admin")).body(body(VALID_KBO, VALID_IBAN)).put(path()).then().statusCode(428)
                .body("", exactly(Map.of(
                        "type", "urn:problem-type:twe:precondition-required",
                        "code", "precondition-required",
                        "title", "If-Match required",
                        "status", 428,
                        "detail", "This change needs an If-Match header with the current ETag of the resource.",
                        "instance", Api.BASE + path())));
        as(ocmw, "admin").get(path()).then().body("version", equalTo(0)).body("iban", nullValue());
    }

    @Test
    void staleIfMatchIs412WithTheCurrentETag() {
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, VALID_IBAN)).put(path())
                .then().statusCode(200);
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, "BE71096123456769")).put(path())
                .then().statusCode(412)
                .body("", exactly(Map.of(
                        "type", "urn:problem-type:twe:precondition-failed",
                        "code", "precondition-failed",
                        "title", "Stale version",
                        "status", 412,
                        "detail", "The resource changed since the version in If-Match; read it again and retry.",
                        "currentETag", "\"1\"",
                        "instance", Api.BASE + path())));
        as(ocmw, "admin").get(path()).then().body("iban", equalTo(VALID_IBAN));
    }

    @Test
    void invalidKboAndIbanAreNamedTogether() {
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body("0431150351", "BE32123456789003")).put(path())
                .then().statusCode(400)
                .body("code", equalTo("invalid-input"))
                .body("issues", equalTo(List.of(
                        Map.of("location", "body", "name", "kboNumber", "detail", "Not a valid enterprise number (mod 97 check)."),
                        Map.of("location", "body", "name", "iban", "detail", "Not a valid IBAN (structure or check digits)."))));
        as(ocmw, "admin").get(path()).then().body("version", equalTo(0));
    }

    @Test
    void belgianIbanMustPassTheNationalCheck() {
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, "BE41091811735141")).put(path())
                .then().statusCode(400)
                .body("issues", equalTo(List.of(Map.of("location", "body", "name", "iban",
                        "detail", "Not a valid Belgian account number (national check digits)."))));
    }

    @Test
    void foreignIbanPassesOnIsoChecksAlone() {
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, "NL91ABNA0417164300")).put(path())
                .then().statusCode(200).body("iban", equalTo("NL91ABNA0417164300"));
    }

    @Test
    void patternViolationsNameTheField() {
        invalid(as(ocmw, "admin")).header("If-Match", "\"0\"").body(body("12345", VALID_IBAN)).put(path())
                .then().statusCode(400)
                .body("issues.location", contains("body"))
                .body("issues.name", contains("kboNumber"));
    }

    @Test
    void unknownFieldIsRefused() {
        invalid(as(ocmw, "admin")).header("If-Match", "\"0\"")
                .body(Map.of("kboNumber", VALID_KBO, "iban", VALID_IBAN, "bic", "GEBABEBB")).put(path())
                .then().statusCode(400)
                .body("issues", equalTo(List.of(Map.of("location", "body", "name", "bic", "detail", "Unknown field 'bic'."))));
    }

    @Test
    void missingFieldIsRefused() {
        invalid(as(ocmw, "admin")).header("If-Match", "\"0\"").body(Map.of("kboNumber", VALID_KBO)).put(path())
                .then().statusCode(400)
                .body("issues.name", contains("iban"));
    }

    @Test
    void wrongTypeIsRefused() {
        invalid(as(ocmw, "admin")).header("If-Match", "\"0\"")
                .body("{\"kboNumber\": [1], \"iban\": \"" + VALID_IBAN + "\"}").put(path())
                .then().statusCode(400)
                .body("issues.name", contains("kboNumber"));
    }

    @Test
    void malformedJsonIsRefused() {
        invalid(as(ocmw, "admin")).header("If-Match", "\"0\"").body("{\"kboNumber\": ").put(path())
                .then().statusCode(400)
                .body("code", equalTo("invalid-input"))
                .body("issues[0].name", equalTo("$"));
    }

    @Test
    void coachWithoutAdminRoleGets403NamingTheRole() {
        as(ocmw, "coach").get(path()).then().statusCode(403)
                .body("", exactly(Map.of(
                        "type", "urn:problem-type:twe:missing-role",
                        "code", "missing-role",
                        "title", "Missing role",
                        "status", 403,
                        "detail", "This operation needs the role admin in the token's twe_roles claim.",
                        "instance", Api.BASE + path())));
    }

    @Test
    void concurrentChangesFromTheSameVersionHaveExactlyOneWinner() throws Exception {
        List<String> ibans = List.of(VALID_IBAN, "BE71096123456769", "NL91ABNA0417164300",
                "BE68539007547034", "DE89370400440532013000", "FR1420041010050500013M02606");
        List<Integer> statuses = Parallel.statuses(6, i -> as(ocmw, "admin").header("If-Match", "\"0\"")
                .body(body(VALID_KBO, ibans.get(i))).put(path()).then().extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 412), statuses.toString());
        as(ocmw, "admin").get(path()).then().body("version", equalTo(1));
        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then().body("items", hasSize(1));
    }

    @Test
    void theAuditTrailCannotBeRewritten() {
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body(VALID_KBO, VALID_IBAN)).put(path())
                .then().statusCode(200);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_event set new_value = null where organisation_id = ?1")
                        .setParameter(1, ocmw).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_event where organisation_id = ?1")
                        .setParameter(1, ocmw).executeUpdate()));
        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then()
                .body("items[0].newValue.iban", equalTo(VALID_IBAN));
    }
}
