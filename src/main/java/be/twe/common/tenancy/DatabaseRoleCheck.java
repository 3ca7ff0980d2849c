package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start when the application's database role could see past row-level security: a
 * superuser, a role with BYPASSRLS, or one that owns a table (an owner is not held by policies
 * that are not forced, and can drop them). ADR 0033.
 */
@ApplicationScoped
public class DatabaseRoleCheck {
    @Inject
    AgroalDataSource dataSource;

    void check(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select current_user, r.rolsuper, r.rolbypassrls,
                            (select count(*) from pg_class t where t.relowner = r.oid
                             and t.relnamespace = 'public'::regnamespace) as owned
                     from pg_roles r where r.rolname = current_user""")) {
            rs.next();
            String problem = rs.getBoolean(2) ? "is a superuser" : rs.getBoolean(3) ? "has BYPASSRLS"
                    : rs.getLong(4) > 0 ? "owns " + rs.getLong(4) + " tables or other relations" : null;
            if (problem != null) {
                throw new IllegalStateException("The database role " + rs.getString(1) + " " + problem
                        + ": row-level security would not hold for it. Connect as a role of the application's"
                        + " own (QUARKUS_DATASOURCE_USERNAME) and migrate as the tables' owner"
                        + " (QUARKUS_FLYWAY_USERNAME), docs/operations.md.");
            }
        }
    }
}
