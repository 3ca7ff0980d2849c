package be.twe.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

/**
 * What a verified token must also say before the API trusts it: that it is an access token (a
 * {@code typ} claim, where present, is Bearer), who (sub), which roles as a JSON
 * array of roles this API knows (a string would be split on spaces by the framework), and an
 * issue and validity time that are not in the future beyond the allowed clock skew.
 */
@ApplicationScoped
public class TokenClaims {
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.COACH, Roles.ADMIN, Roles.ANALYST, Roles.SPOC,
            Roles.HELPDESK, Roles.TRAINER);

    @ConfigProperty(name = "twe.security.clock-skew", defaultValue = "60s")
    Duration clockSkew;

    public void check(JsonWebToken token) {
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            // who acted is audited and logged as the subject: a token without one is no identity
            throw new AuthenticationFailedException("The token has no sub claim");
        }
        // a NUL in a claim cannot be stored in PostgreSQL text, and other controls have no business
        // in an identity: such a token is refused at the door, not when its audit entry fails (issue 30)
        requirePrintable(token.getSubject(), "sub");
        Object organisation = token.getClaim(Roles.CLAIM_ORGANISATION);
        requirePrintable(organisation instanceof JsonString s ? s.getString() : organisation == null ? null
                : organisation.toString(), Roles.CLAIM_ORGANISATION);
        Object type = token.getClaim("typ");
        if (type != null && !"Bearer".equals(type instanceof JsonString s ? s.getString() : type.toString())) {
            // an ID token (Keycloak: typ ID) says who signed in to a client, not what it may call
            throw new AuthenticationFailedException("The token is not an access token");
        }
        checkRoles(token.getClaim(Roles.CLAIM_ROLES));
        Instant latest = Instant.now().plus(clockSkew);
        notAfter(token.getClaim("iat"), latest, "iat");
        notAfter(token.getClaim("nbf"), latest, "nbf");
    }

    private static void requirePrintable(String value, String claim) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) { // a loop: a stream here was a read's cost at every request
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new AuthenticationFailedException("The token's " + claim + " claim holds a control character");
            }
        }
    }

    private static void checkRoles(Object claim) {
        Collection<?> roles = claim instanceof JsonArray array ? array : claim instanceof Collection<?> c ? c : null;
        if (roles == null) {
            throw new AuthenticationFailedException("The token's roles claim is not an array");
        }
        for (Object role : roles) {
            String name = role instanceof JsonString s ? s.getString() : role instanceof String s ? s : null;
            if (name == null || !KNOWN_ROLES.contains(name)) {
                throw new AuthenticationFailedException("The token's roles claim names a role the API does not know");
            }
        }
    }

    private static void notAfter(Object claim, Instant latest, String name) {
        Long seconds = claim instanceof Number n ? Long.valueOf(n.longValue())
                : claim instanceof jakarta.json.JsonNumber n ? Long.valueOf(n.longValue()) : null;
        if (claim != null && claim != JsonValue.NULL && seconds == null) {
            throw new AuthenticationFailedException("The token's " + name + " claim is not a time");
        }
        if (seconds != null && Instant.ofEpochSecond(seconds).isAfter(latest)) {
            throw new AuthenticationFailedException("The token's " + name + " claim lies in the future");
        }
    }
}
