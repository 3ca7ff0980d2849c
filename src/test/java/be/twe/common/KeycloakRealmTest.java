package be.twe.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.common.security.Roles;

/**
 * The shape of the shipped realm export: what KeycloakIT proves against a running Keycloak, read
 * from the file so that a change to it fails fast and says which rule it breaks.
 */
class KeycloakRealmTest {
    static final Set<String> MACHINE_CLIENTS = Set.of("cluster-igo-sync", "vendor-aarschot-sync", "vdab-reporting");
    static final Set<String> INTERACTIVE_CLIENTS = Set.of("ocmw-app", "vdab-portal");
    final JsonNode realm = read();

    @Test
    void theApiScopeEmitsTheAudienceAndExactlyTheClaimsTheApiReads() {
        JsonNode scope = find(realm.path("clientScopes"), "name", "twe-api");
        Set<String> claims = new HashSet<>();
        Set<String> audiences = new HashSet<>();
        scope.path("protocolMappers").forEach(m -> {
            claims.add(m.path("config").path("claim.name").asText(null));
            audiences.add(m.path("config").path("included.client.audience").asText(null));
            assertEquals("false", m.path("config").path("id.token.claim").asText(), "ID tokens carry no API claims");
        });
        claims.remove(null);
        audiences.remove(null);
        assertEquals(Set.of(Roles.CLAIM_ORGANISATION, Roles.CLAIM_ROLES), claims);
        assertEquals(Set.of("twe-api"), audiences);
    }

    @Test
    void everyTokenHasASubject() {
        JsonNode basic = find(realm.path("clientScopes"), "name", "basic");
        assertEquals("oidc-sub-mapper", basic.path("protocolMappers").get(0).path("protocolMapper").asText());
        assertEquals(List.of("basic"), strings(realm.path("defaultDefaultClientScopes")));
    }

    @Test
    void theRolesAreTheApiClientsRolesAndTheScopeCatalogue() {
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("client").path("twe-api").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(Set.of(Roles.COACH, Roles.ADMIN, Roles.ANALYST, Roles.SPOC, Roles.HELPDESK, Roles.TRAINER), roles);
        assertEquals(0, realm.path("roles").path("realm").size(), "realm roles would mix Keycloak's defaults in");
    }

    @Test
    void accessIsGrantedPerClientNeverByDefault() {
        assertFalse(strings(realm.path("defaultDefaultClientScopes")).contains("twe-api"));
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (!id.equals("twe-api")) {
                assertTrue(strings(client.path("defaultClientScopes")).containsAll(List.of("basic", "twe-api")), id);
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + " allows passwords");
                assertFalse(client.path("implicitFlowEnabled").asBoolean(true), id);
            }
        }
    }

    @Test
    void machineClientsUseClientCredentialsWithAnOrganisation() {
        for (String id : MACHINE_CLIENTS) {
            JsonNode client = find(realm.path("clients"), "clientId", id);
            assertTrue(client.path("serviceAccountsEnabled").asBoolean(), id);
            assertFalse(client.path("standardFlowEnabled").asBoolean(true), id);
            JsonNode account = find(realm.path("users"), "serviceAccountClientId", id);
            assertTrue(account.path("attributes").path("twe_org").get(0).asText().matches("ocmw-\\d{5}|cluster-.+|vdab"));
        }
    }

    @Test
    void interactiveClientsUseTheAuthorizationCodeWithPkce() {
        for (String id : INTERACTIVE_CLIENTS) {
            JsonNode client = find(realm.path("clients"), "clientId", id);
            assertTrue(client.path("standardFlowEnabled").asBoolean(), id);
            assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(), id);
        }
    }

    @Test
    void demoUsersCoverEveryRoleAndMustChangeTheirPassword() {
        Set<String> roles = new HashSet<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertEquals(List.of("UPDATE_PASSWORD"), strings(user.path("requiredActions")), user.path("username").asText());
            roles.addAll(strings(user.path("clientRoles").path("twe-api")));
        }
        assertEquals(Set.of(Roles.COACH, Roles.ADMIN, Roles.ANALYST, Roles.SPOC, Roles.HELPDESK, Roles.TRAINER), roles);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value);
    }

    static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("docs", "keycloak", "twe-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
