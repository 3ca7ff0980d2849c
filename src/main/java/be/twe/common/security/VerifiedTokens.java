package be.twe.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.vertx.core.http.HttpHeaders;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Tokens quarkus-oidc verified, kept until they expire (at most {@code twe.security.token-cache-ttl}):
 * a client sends the same token for minutes. Checking its RSA signature again was a fifth of a read
 * (issue 20), and quarkus-oidc's own mechanism parses the token's claims at every request before
 * any identity provider is asked (issue 30), so this mechanism comes first. A token it does not
 * hold (or one that expired) goes on to quarkus-oidc, and {@link VerifiedTokenKeeper} keeps what
 * that verified. The claims this API checks itself (TokenClaims) are checked at every request as
 * before.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {
    private static final String SCHEME = "Bearer ";
    private static final Uni<SecurityIdentity> NOT_HELD = Uni.createFrom().nullItem();
    private final Cache<String, SecurityIdentity> verified;
    private final Duration lifespanGrace;

    VerifiedTokens(@ConfigProperty(name = "twe.security.token-cache-ttl", defaultValue = "5m") Duration ttl,
                   @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "0") int graceSeconds) {
        verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).recordStats().build();
        lifespanGrace = Duration.ofSeconds(graceSeconds);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager providers) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return NOT_HELD;
        }
        SecurityIdentity identity = serve(header.substring(SCHEME.length()), context);
        return identity == null ? NOT_HELD : Uni.createFrom().item(identity);
    }

    /** The identity a held, unexpired token stands for, tied to this request; else null. */
    SecurityIdentity serve(String token, RoutingContext context) {
        SecurityIdentity identity = verified.getIfPresent(token);
        if (identity == null) {
            return null;
        }
        if (expired(identity)) {
            verified.invalidate(token);
            return null; // quarkus-oidc refuses it as it always did
        }
        // the same identity, tied to this request instead of the one that first sent the token; a
        // mechanism's identity goes through no augmentor, so the keeper never stores a wrapper
        return context == null ? identity : new RequestIdentity(identity, context);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // quarkus-oidc's challenge
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE; // before quarkus-oidc's mechanism (1001)
    }

    void keep(SecurityIdentity identity) {
        if (identity instanceof RequestIdentity) {
            return; // a served identity is the held one already
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken && !expired(identity)) {
            verified.put(credential.getToken(), identity);
        }
    }

    SecurityIdentity held(String token) {
        return verified.getIfPresent(token);
    }

    /** How often a request's token was found verified (tests and metrics). */
    public long hits() {
        return verified.stats().hitCount();
    }

    private boolean expired(SecurityIdentity identity) {
        long exp = ((JsonWebToken) identity.getPrincipal()).getExpirationTime();
        return exp == 0 || Instant.ofEpochSecond(exp).plus(lifespanGrace).isBefore(Instant.now());
    }
}
