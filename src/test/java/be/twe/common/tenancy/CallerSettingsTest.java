package be.twe.common.tenancy;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How the caller reaches PostgreSQL (ADR 0033): a connection in the pool carries no one, a
 * request's connections carry its caller, system work runs unrestricted on connections of its own.
 */
@QuarkusTest
class CallerSettingsTest {
    private static final String SETTINGS = "select coalesce(current_setting('twe.organisation', true), '') || '|'"
            + " || coalesce(current_setting('twe.acting_for', true), '') || '|'"
            + " || coalesce(current_setting('twe.unrestricted', true), '')";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SystemWork systemWork;
    @Inject
    TestData data;

    @Test
    void noConnectionInThePoolCarriesACallerAfterRequests() throws SQLException {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        for (int i = 0; i < 20; i++) {
            as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
            as("vdab", "analyst").get("/statistics/starts").then().statusCode(200); // also system work
        }
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) { // held at once: ten different connections of the pool
                taken.add(dataSource.getConnection());
                assertEquals("||", settingsOf(taken.get(i)), "connection " + i);
            }
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }

    @Test
    void systemWorkIsUnrestrictedOnlyInsideAndNeverOnTheCallersTransaction() throws SQLException {
        assertEquals("||on", systemWork.inTransaction("test", () -> {
            try (Connection c = dataSource.getConnection()) {
                return settingsOf(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        try (Connection c = dataSource.getConnection()) {
            assertEquals("||", settingsOf(c), "after it");
        }
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> systemWork.withoutTransaction("test", () -> 1)));
    }

    /** Without a caller, every tenant table reads empty: the rules fail closed. */
    @Test
    void aConnectionWithoutCallerSeesNothing() throws SQLException {
        String ocmw = data.newOcmw();
        Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from trajectory) + (select count(*) from organisation)")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }

    private static String settingsOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SETTINGS)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
