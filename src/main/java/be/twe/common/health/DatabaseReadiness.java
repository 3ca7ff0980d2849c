package be.twe.common.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import be.twe.common.error.DatabaseOutage;
import io.agroal.api.AgroalDataSource;

/**
 * Ready when the database answers. Replaces the datasource's own check, whose DOWN answer names
 * the database's host and port to anyone who asks: this one says only UP or DOWN.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            outage.reachable();
            return HealthCheckResponse.up("database");
        } catch (SQLException e) {
            outage.failed(e);
            return HealthCheckResponse.down("database");
        }
    }
}
