package be.twe.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import be.twe.support.DatabaseOwner;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V33 turns the access log's rows into one per read: the entries written before keep their ids,
 * and the entries written after take ids above them, none shared.
 */
@QuarkusTest
class AccessLogMigrationTest {
    @Test
    void entriesWrittenBeforeKeepTheirIdsAndNewOnesComeAfterThem() throws SQLException {
        String database = "access_log_v33_" + System.nanoTime();
        try (Connection owner = DatabaseOwner.connect(); Statement s = owner.createStatement()) {
            s.execute("create database " + database);
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class)
                .replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        FluentConfiguration flyway = Flyway.configure().dataSource(url,
                        ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class),
                        ConfigProvider.getConfig().getValue("quarkus.flyway.password", String.class))
                .placeholders(Map.of("app_role",
                        ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class)));
        // the repeatable migrations hold today's functions and triggers, made for the tables of the
        // last version: they are applied with it, not at version 32 (ADR 0041)
        flyway.target("32").repeatableSqlMigrationPrefix("not-now").load().migrate();
        try (Connection c = flyway.getDataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("""
                    insert into access_log (id, occurred_at, subject, organisation_id, roles, operation, ocmw_id,
                                            trajectory_id, resource_type, resource_id)
                    values (7, now(), 'a', 'ocmw-1', '{coach}', 'getTrajectory', 'ocmw-1',
                            '00000000-0000-0000-0000-000000000001', 'trajectory', '00000000-0000-0000-0000-000000000001'),
                           (1500, now(), 'b', 'ocmw-1', '{coach}', 'getDocument', 'ocmw-1',
                            '00000000-0000-0000-0000-000000000001', 'document', 'd-1')""");
            flyway.target("latest").load().migrate();
            s.execute("""
                    insert into access_log (occurred_at, subject, organisation_id, roles, operation, ocmw_id,
                                            resource_type, trajectory_ids, resource_ids)
                    values (now(), 'c', 'ocmw-1', '{coach}', 'listDocuments', 'ocmw-1', 'document',
                            '{00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000001}',
                            '{d-1,d-2}')""");
            assertEquals(List.of("7 a 00000000-0000-0000-0000-000000000001", "1500 b d-1", "2048 c d-1",
                    "2049 c d-2"), entries(s));
        } finally {
            try (Connection owner = DatabaseOwner.connect(); Statement s = owner.createStatement()) {
                s.execute("drop database " + database + " with (force)");
            }
        }
    }

    private static List<String> entries(Statement s) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (ResultSet rows = s.executeQuery("""
                select a.id + r.place - 1, subject, r.resource_id
                from access_log a, unnest(a.resource_ids) with ordinality r (resource_id, place) order by 1""")) {
            while (rows.next()) {
                entries.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return entries;
    }
}
