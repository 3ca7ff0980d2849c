package be.twe.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.common.security.Roles;

/** The Keycloak realm export emits exactly the claims and roles the API reads. */
class KeycloakRealmTest {
    final JsonNode realm = read();

    @Test
    void mappersEmitTheClaimsTheApiReads() {
        Set<String> claims = new HashSet<>();
        realm.path("clientScopes").forEach(scope -> scope.path("protocolMappers")
                .forEach(m -> claims.add(m.path("config").path("claim.name").asText())));
        assertEquals(Set.of(Roles.CLAIM_ORGANISATION, Roles.CLAIM_ROLES), claims);
    }

    @Test
    void realmRolesAreTheScopeCatalogue() {
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(Set.of(Roles.COACH, Roles.ADMIN, Roles.ANALYST, Roles.SPOC, Roles.HELPDESK), roles);
    }

    @Test
    void theClusterSystemUsesClientCredentialsWithItsOrganisation() {
        JsonNode client = find(realm.path("clients"), "clientId", "cluster-igo-sync");
        assertTrue(client.path("serviceAccountsEnabled").asBoolean());
        JsonNode account = find(realm.path("users"), "serviceAccountClientId", "cluster-igo-sync");
        assertEquals("cluster-igo", account.path("attributes").path("twe_org").get(0).asText());
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
