package be.twe.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection as the tables' owner, as Flyway migrates (ADR 0033): for tests that act as another
 * instance or an operator would, past row-level security, outside the application's pool.
 */
public final class DatabaseOwner {
    private DatabaseOwner() {
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /**
     * A client and an open trajectory (started 2024-01-01) of {@code ocmw} for each id, in one
     * statement per table: thousands, faster than through the API.
     */
    public static void insertTrajectories(String ocmw, UUID coach, List<UUID> ids) throws SQLException {
        try (Connection c = connect();
             PreparedStatement clients = c.prepareStatement(
                     "insert into client (id, insz) select * from unnest(?::uuid[], ?::text[])");
             PreparedStatement trajectories = c.prepareStatement("""
                     insert into trajectory (id, ocmw_id, client_id, start_date, coach_id, registered_by)
                     select id, ?, id, date '2024-01-01', ?, ? from unnest(?::uuid[]) id""")) {
            clients.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            clients.setArray(2, c.createArrayOf("text", ids.stream().map(id -> TestData.newInsz()).toArray()));
            clients.executeUpdate();
            trajectories.setString(1, ocmw);
            trajectories.setObject(2, coach);
            trajectories.setString(3, ocmw);
            trajectories.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            trajectories.executeUpdate();
        }
    }
}
