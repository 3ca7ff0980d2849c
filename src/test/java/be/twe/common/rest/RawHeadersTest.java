package be.twe.common.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shape a bearer token must have before quarkus-oidc's decoder sees it. */
class RawHeadersTest {
    @Test
    void threeNonEmptyBase64UrlPartsAreAJwtShape() {
        assertTrue(RawHeaders.jwtShaped("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_0"));
        for (String shapeless : new String[] {"", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.", "a.b.c=", "a.b.c d",
                "a.b.\u00e9", "a.b.c\u0000"}) {
            assertFalse(RawHeaders.jwtShaped(shapeless), shapeless);
        }
    }
}
