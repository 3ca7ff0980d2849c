package be.twe.common;

import static be.twe.support.JsonCalls.created;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.Api;
import be.twe.support.AppInstance;
import be.twe.support.JsonCalls;
import be.twe.support.KeycloakServer;
import be.twe.support.Problems;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production artifact against a real Keycloak that imported docs/keycloak/twe-realm.json as
 * shipped (issue 18): every machine client's client-credentials token and a demo user's
 * authorization-code-with-PKCE token are accepted with the roles and organisation the realm
 * gives them, audited writes record the token's subject, and what is not an access token for
 * this API (an ID token, a token of another client of the realm) is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the identity provider is absent at first, stopped at last
class KeycloakIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "change-me"; // the shipped placeholder, used unchanged on purpose
    static final String AARSCHOT = "ocmw-24001"; // in cluster IGO's mandates
    static final String GENT = "ocmw-44021";

    static EmbeddedPostgres postgres;
    static KeycloakServer keycloak;
    static AppInstance api;
    static HttpResponse<String> beforeKeycloak;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        int port = AppInstance.freePort(); // the API starts first: its identity provider is not there yet
        api = AppInstance.start(jdbcUrl(), Map.of("QUARKUS_OIDC_AUTH_SERVER_URL",
                "http://127.0.0.1:" + port + "/realms/twe"));
        beforeKeycloak = call("GET", "/trajectories", Tokens.token(GENT, "coach"), null);
        keycloak = KeycloakServer.start(Path.of("docs", "keycloak", "twe-realm.json"), port);
        System.out.printf("KeycloakIT: PostgreSQL, Keycloak and the API ready in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             PreparedStatement agreement = c.prepareStatement(
                     "insert into partner_agreement (organisation_id, signed_on) values (?, date '2017-01-01')")) {
            for (String ocmw : List.of(AARSCHOT, GENT)) {
                agreement.setString(1, ocmw);
                agreement.executeUpdate();
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {api, keycloak, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void anIdentityProviderNotReachableAnswers503UntilItIsAndTheApiNeedsNoRestart() throws Exception {
        assertEquals(503, beforeKeycloak.statusCode(), beforeKeycloak.body());
        Map<String, Object> problem = JSON.readValue(beforeKeycloak.body(), new TypeReference<>() { });
        assertThat(problem, Problems.exactly(Map.of("type", "urn:problem-type:twe:service-unavailable",
                "title", "Service unavailable", "status", 503, "code", "service-unavailable", "instance", Api.BASE + "/trajectories",
                "detail", "The service cannot reach its identity provider to verify the token just now; retry after 5 s.")));
        assertEquals("5", beforeKeycloak.headers().firstValue("Retry-After").orElse(null));
        assertFalse(api.log().contains("Unexpected error"), "no 500 logged:\n" + api.log());
        assertEquals(200, call("GET", "/trajectories", clientToken("vendor-aarschot-sync"), null).statusCode());
    }

    @Test
    @Order(2)
    void everyMachineClientsTokenWorksWithTheRolesAndOrganisationOfItsServiceAccount() throws Exception {
        String vendor = clientToken("vendor-aarschot-sync");
        String coach = created(call("POST", "/organisations/" + AARSCHOT + "/coaches", vendor,
                Map.of("name", "Coach Aarschot")));
        assertAudited(vendor, "coach", coach);
        // VDAB's trainer, a demo user, signs in and records the training that lets the coach register
        String trainer = keycloak.signIn("twe", "ocmw-app", "http://localhost:8765/callback", "trainer-vdab",
                "change-me-now", "a-new-password-of-trainer-vdab").path("access_token").asText();
        assertEquals(201, call("POST", "/training-sessions", trainer, Map.of("heldOn", "2024-01-10",
                "title", "Registratieopleiding Leuven", "coachIds", List.of(coach))).statusCode());
        String trajectory = created(call("POST", "/trajectories", vendor, Map.of("ocmwId", AARSCHOT,
                "clientInsz", TestData.newInsz(), "startDate", "2024-02-01", "coachId", coach)));

        String cluster = clientToken("cluster-igo-sync");
        assertEquals(200, call("GET", "/trajectories/" + trajectory, cluster, null).statusCode(),
                "IGO reads a trajectory of an OCMW it has a mandate for");
        assertEquals(403, call("PUT", "/organisations/" + AARSCHOT + "/financial-details", cluster,
                Map.of("kboNumber", "0403019261", "iban", "BE32123456789002")).statusCode(), "a coach is no admin");

        String vdab = clientToken("vdab-reporting");
        HttpResponse<String> starts = call("GET", "/statistics/starts?groupBy=year", vdab, null);
        assertEquals(200, starts.statusCode(), starts.body());
        assertEquals(403, call("POST", "/organisations/" + AARSCHOT + "/coaches", vdab,
                Map.of("name", "Coach")).statusCode(), "an analyst does not manage");
    }

    @Test
    @Order(3)
    void aDemoUserSignsInWithPkceMustChangeTheirPasswordAndTheirWriteIsAuditedUnderTheirSubject()
            throws Exception {
        JsonNode tokens = keycloak.signIn("twe", "ocmw-app", "http://localhost:8765/callback", "admin-gent",
                "change-me-now", "a-new-password-of-admin-gent");
        String access = tokens.path("access_token").asText();
        JsonNode claims = KeycloakServer.claims(access);
        assertEquals(GENT, claims.path("twe_org").asText());
        assertEquals(List.of("admin"), List.of(JSON.convertValue(claims.path("twe_roles"), String[].class)));

        String path = "/organisations/" + GENT + "/financial-details";
        HttpResponse<String> read = call("GET", path, access, null);
        HttpResponse<String> write = call("PUT", path, access, Map.of("kboNumber", "0207437468", "iban",
                "BE71096123456769"), read.headers().firstValue("ETag").map(tag -> Map.of("If-Match", tag)).orElse(Map.of()));
        assertTrue(write.statusCode() == 200 || write.statusCode() == 201, write.statusCode() + " " + write.body());
        assertAudited(access, "financial-details", GENT);

        String idToken = tokens.path("id_token").asText();
        assertFalse(idToken.isEmpty());
        assertEquals(401, call("GET", path, idToken, null).statusCode(),
                "an ID token is no bearer token");
    }

    @Test
    @Order(4)
    void aTokenOfAnotherClientOfTheRealmIsRefusedEvenWithTheApisClaims() throws Exception {
        HttpResponse<String> created = keycloak.admin("POST", "/twe/clients", Map.of("clientId", "rogue-tool",
                "publicClient", false, "secret", "rogue-secret", "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "protocolMappers", List.of(
                        hardcoded("twe_org", AARSCHOT, "String"), hardcoded("twe_roles", "[\"admin\"]", "JSON"))));
        assertEquals(201, created.statusCode(), created.body());
        String rogue = keycloak.clientCredentials("twe", "rogue-tool", "rogue-secret").path("access_token").asText();
        JsonNode claims = KeycloakServer.claims(rogue);
        assertEquals(AARSCHOT, claims.path("twe_org").asText());
        assertFalse(claims.path("sub").asText().isEmpty());
        assertFalse(claims.path("aud").toString().contains("twe-api"), claims.toString());

        String path = "/organisations/" + AARSCHOT + "/financial-details";
        assertEquals(401, call("GET", path, rogue, null).statusCode(), "no audience twe-api: no access");
        assertTrue(call("GET", path, clientToken("vendor-aarschot-sync"), null).statusCode() != 401,
                "the same request with the realm's own client is authenticated");
    }

    static Map<String, Object> hardcoded(String claim, String value, String type) {
        return Map.of("name", claim, "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", claim, "claim.value", value, "jsonType.label", type,
                        "access.token.claim", "true"));
    }

    @Test
    @Order(5) // last: it stops Keycloak
    void tokensIssuedBeforeTheIdentityProviderStoppedStillWorkWithItsKeysKnown() throws Exception {
        String vendor = clientToken("vendor-aarschot-sync");
        keycloak.close();
        assertEquals(200, call("GET", "/trajectories", vendor, null).statusCode());
        HttpResponse<String> unknownKey = call("GET", "/trajectories",
                Tokens.signed(Tokens.read("src/test/resources/test-issuer-key.pem"), AARSCHOT, "coach"), null);
        assertEquals(401, unknownKey.statusCode(), unknownKey.body()); // a key it never published: not a 5xx
    }

    static String clientToken(String clientId) throws Exception {
        return keycloak.clientCredentials("twe", clientId, SECRET).path("access_token").asText();
    }

    /** The latest audit event of that kind was written under the token's subject. */
    static void assertAudited(String token, String entityType, String entityId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             PreparedStatement query = c.prepareStatement("select actor_subject, entity_id from audit_event "
                     + "where entity_type = ? order by id desc limit 1")) {
            query.setString(1, entityType);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no audit event for " + entityType);
                assertEquals(KeycloakServer.claims(token).path("sub").asText(), rs.getString(1));
                if (entityId != null) {
                    assertEquals(entityId, rs.getString(2));
                }
            }
        }
    }

    static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        return JsonCalls.call(method, api.url(path), token, body);
    }

    static HttpResponse<String> call(String method, String path, String token, Object body,
            Map<String, String> headers) throws Exception {
        return JsonCalls.call(method, api.url(path), token, body, headers);
    }

    static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
