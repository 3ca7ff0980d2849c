package be.twe.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.vertx.ext.web.RoutingContext;

/** A held token serves its identity until it expires (plus the grace), never after (issue 30). */
class HeldTokenExpiryTest {
    @Test
    void aHeldTokenIsServedUntilItExpiresAndThenGoesBackToQuarkusOidc() throws InterruptedException {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 0);
        Instant exp = Instant.now().plusSeconds(1);
        tokens.keep(identity("t1", exp));
        SecurityIdentity served = tokens.serve("t1", null);
        assertNotNull(served, "held and unexpired");
        assertEquals("dev-user", served.getPrincipal().getName());
        assertNull(tokens.serve("t2", null), "a token never verified is not served");
        while (!Instant.now().isAfter(exp.plusMillis(50))) {
            Thread.sleep(100);
        }
        assertNull(tokens.serve("t1", null), "expired: quarkus-oidc decides (and refuses)");
        assertNull(tokens.held("t1"), "and it is no longer held");
    }

    @Test
    void aServedIdentityIsTiedToItsRequestAndNeverKeptInTheHeldOnesPlace() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 0);
        SecurityIdentity held = identity("t", Instant.now().plusSeconds(60));
        tokens.keep(held);
        RoutingContext request = (RoutingContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> null);
        SecurityIdentity served = tokens.serve("t", request);
        assertSame(request, served.getAttribute(RoutingContext.class.getName()));
        assertSame(request, served.getAttributes().get(RoutingContext.class.getName()));
        assertEquals(held.getRoles(), served.getRoles());
        assertSame(held.getPrincipal(), served.getPrincipal());
        tokens.keep(served);
        assertSame(held, tokens.held("t"), "a request's identity never replaces the verified one");
    }

    @Test
    void anExpiredIdentityIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(5), 0);
        tokens.keep(identity("old", Instant.now().minusSeconds(5)));
        assertNull(tokens.held("old"));
    }

    private static SecurityIdentity identity(String token, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("dev-user");
        claims.setClaim("upn", "dev-user");
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(token, claims))
                .addCredential(new AccessTokenCredential(token)).build();
    }
}
