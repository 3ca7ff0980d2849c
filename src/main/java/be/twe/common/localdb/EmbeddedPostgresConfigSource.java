package be.twe.common.localdb;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;

/**
 * Supplies the datasource of local runs and tests: an embedded, real PostgreSQL started on first
 * use (ADR 0002), the application connecting as a role of its own and Flyway as the tables'
 * owner (ADR 0033). In production (launch mode NORMAL) it supplies nothing and never touches the
 * embedded database classes, which the packaged application does not contain. Its ordinal is
 * below application.properties and the environment, so an explicit URL always wins.
 */
public class EmbeddedPostgresConfigSource implements ConfigSource {
    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String OWNER = "quarkus.flyway.username";
    static final String OWNER_PASSWORD = "quarkus.flyway.password";

    @Override
    public Set<String> getPropertyNames() {
        return active() ? Set.of(URL, USERNAME, OWNER, OWNER_PASSWORD) : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!active() || !getPropertyNames().contains(propertyName)) {
            return null;
        }
        return switch (propertyName) {
            case URL -> LocalPostgres.jdbcUrl(LaunchMode.current() == LaunchMode.TEST);
            case USERNAME -> LocalPostgres.APPLICATION;
            default -> LocalPostgres.OWNER; // its password too: the embedded server trusts loopback
        };
    }

    private static boolean active() {
        LaunchMode mode = LaunchMode.current();
        return (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST)
                && !Boolean.getBoolean("twe.embedded-postgres.disabled");
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    @Override
    public String getName() {
        return "embedded-postgres";
    }
}
