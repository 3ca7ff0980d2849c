package be.twe.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/** Bearer tokens signed with the development key, as src/dev/token.sh makes them. */
public final class Tokens {
    public static final String DEV_ISSUER = "https://dev.twe-ocmw.local";
    public static final String AUDIENCE = "twe-api";
    private static final PrivateKey DEV_KEY = read("src/dev/dev-signing-key.pem");

    private Tokens() {
    }

    public static String token(String organisationId, String... roles) {
        return signed(DEV_KEY, organisationId, roles);
    }

    public static String signed(PrivateKey key, String organisationId, String... roles) {
        return claims(organisationId, roles).sign(key);
    }

    /** A well-signed token without a {@code sub} claim. */
    public static String withoutSubject(String organisationId, String... roles) {
        return with(organisationId, c -> c.remove("sub"), roles);
    }

    /** A token like {@link #token} whose claims the caller changes before it is signed. */
    public static String with(String organisationId, java.util.function.Consumer<JwtClaimsBuilder> change,
            String... roles) {
        return signed(DEV_KEY, organisationId, change, roles);
    }

    public static String signed(PrivateKey key, String organisationId,
            java.util.function.Consumer<JwtClaimsBuilder> change, String... roles) {
        JwtClaimsBuilder claims = claims(organisationId, roles);
        change.accept(claims);
        return claims.sign(key);
    }

    /** An access token as the realm issues one: for the audience twe-api, of type Bearer. */
    private static JwtClaimsBuilder claims(String organisationId, String... roles) {
        return Jwt.issuer(DEV_ISSUER)
                .audience(AUDIENCE)
                .subject("test-user@" + organisationId)
                .claim("typ", "Bearer")
                .claim("twe_org", organisationId)
                .claim("twe_roles", List.of(roles))
                .expiresIn(3600);
    }

    public static PrivateKey read(String path) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(path)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
