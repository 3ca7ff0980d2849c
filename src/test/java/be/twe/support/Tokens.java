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
    private static final PrivateKey DEV_KEY = read("src/dev/dev-signing-key.pem");

    private Tokens() {
    }

    public static String token(String organisationId, String... roles) {
        return signed(DEV_KEY, organisationId, roles);
    }

    public static String signed(PrivateKey key, String organisationId, String... roles) {
        return Jwt.issuer(DEV_ISSUER)
                .subject("test-user@" + organisationId)
                .claim("twe_org", organisationId)
                .claim("twe_roles", List.of(roles))
                .expiresIn(3600)
                .sign(key);
    }

    /** A well-signed token without a {@code sub} claim. */
    public static String withoutSubject(String organisationId, String... roles) {
        return Jwt.issuer(DEV_ISSUER)
                .claim("twe_org", organisationId)
                .claim("twe_roles", List.of(roles))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    /** A token like {@link #token} whose claims the caller changes before it is signed. */
    public static String with(String organisationId, java.util.function.Consumer<JwtClaimsBuilder> change,
            String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(DEV_ISSUER)
                .subject("test-user@" + organisationId)
                .claim("twe_org", organisationId)
                .claim("twe_roles", List.of(roles))
                .expiresIn(3600);
        change.accept(claims);
        return claims.sign(DEV_KEY);
    }

    public static PrivateKey read(String path) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(path)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
