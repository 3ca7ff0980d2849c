package be.twe.common;

import static be.twe.support.Api.plain;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.twe.support.Tokens;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Runs the application with the production configuration profile, verifying tokens with another
 * key (a test key standing in for the real issuer's): a token signed with the development key is
 * refused.
 */
@QuarkusTest
@TestProfile(ProductionTokenTest.ProductionProfile.class)
class ProductionTokenTest {
    static final PrivateKey ISSUER = Tokens.read("src/test/resources/test-issuer-key.pem");

    public static class ProductionProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.public-key", publicKeyOf(ISSUER),
                    "quarkus.oidc.token.issuer", Tokens.DEV_ISSUER);
        }
    }

    @Test
    void productionRefusesTokensSignedWithTheDevelopmentKey() {
        invalid(as("ocmw-44021", "coach")).get("/municipalities").then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void productionAcceptsTokensOfItsIssuer() {
        plain()
                .header("Authorization", "Bearer " + Tokens.signed(ISSUER, "ocmw-44021", "coach"))
                .get("/municipalities/44021").then().statusCode(200);
    }

    /** A token of another client of the same realm, or an ID token, is no access to this API. */
    @ParameterizedTest
    @ValueSource(strings = {"no audience", "another audience", "ID token", "typ not a string"})
    void productionRefusesTokensNotIssuedAsAccessTokensForThisApi(String kind) {
        Consumer<JwtClaimsBuilder> change = switch (kind) {
            case "no audience" -> c -> c.remove("aud");
            case "another audience" -> c -> c.audience("ocmw-app");
            case "ID token" -> c -> c.claim("typ", "ID");
            default -> c -> c.claim("typ", java.util.List.of("Bearer"));
        };
        plain()
                .header("Authorization", "Bearer " + Tokens.signed(ISSUER, "ocmw-44021", change, "coach"))
                .get("/municipalities/44021").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void theDevelopmentKeyIsNotInTheProductionConfiguration() {
        String devKey = ConfigProvider.getConfig().getConfigValue("%test.quarkus.oidc.public-key").getValue();
        assertNotEquals(devKey, ConfigProvider.getConfig().getValue("quarkus.oidc.public-key", String.class));
    }

    static String publicKeyOf(PrivateKey key) {
        try {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return Base64.getEncoder().encodeToString(publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
