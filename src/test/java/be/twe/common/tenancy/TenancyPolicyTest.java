package be.twe.common.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tenancy rulebook (R__tenancy_policies.sql, issue 30) read by PostgreSQL itself: as the
 * application's role, with the caller's transaction settings, a query sees exactly what the
 * caller may see, and nothing without settings. Each check runs in a transaction that rolls back.
 */
@QuarkusTest
class TenancyPolicyTest {
    /** Tables with an OCMW's or organisation's column that hold no row of anyone's data, and why. */
    static final Map<String, String> WITHOUT_POLICY = Map.of(
            "statistics_stale", "a queue of OCMW ids whose aggregates the refresh computes again: no data of theirs");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestData data;

    String ocmwA;
    String ocmwB;
    String trajectoryA;
    String trajectoryB;

    @BeforeEach
    void twoOcmws() {
        ocmwA = data.newOcmw();
        ocmwB = data.newOcmw();
        trajectoryA = Registrations.trajectory(ocmwA, ocmwA, data.accreditedCoach(ocmwA), "2024-01-01");
        trajectoryB = Registrations.trajectory(ocmwB, ocmwB, data.accreditedCoach(ocmwB), "2024-01-01");
    }

    /** The first column of what a probe role, with these transaction settings, reads with {@code sql}. */
    List<String> visible(String sql, Map<String, String> settings) throws SQLException {
        return asProbe(settings, s -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** "ok", or the SQLSTATE with which PostgreSQL refuses {@code sql} for a probe role with these settings. */
    String write(String sql, Map<String, String> settings) throws SQLException {
        return asProbe(settings, s -> {
            try {
                s.execute(sql);
                return "ok";
            } catch (SQLException refused) {
                return refused.getSQLState();
            }
        });
    }

    interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    /**
     * Runs as the application's role, which cannot bypass row-level security, with these
     * transaction settings only (a connection taken outside a request carries none), in a
     * transaction that rolls back.
     */
    <T> T asProbe(Map<String, String> settings, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, String> setting : settings.entrySet()) {
                    try (PreparedStatement set = c.prepareStatement("select set_config(?, ?, true)")) {
                        set.setString(1, setting.getKey());
                        set.setString(2, setting.getValue());
                        set.execute();
                    }
                }
                return work.run(s);
            } finally {
                c.rollback();
            }
        }
    }

    String ours(String table) {
        return "select id::text from " + table + " where ocmw_id in ('" + ocmwA + "', '" + ocmwB + "') order by ocmw_id = '"
                + ocmwB + "'";
    }

    @Test
    void anOcmwReadsItsOwnRecordsAndNothingOfAnother() throws SQLException {
        assertEquals(List.of(trajectoryA), visible(ours("trajectory"), Map.of("twe.organisation", ocmwA,
                "twe.acting_for", ocmwA, "twe.own", ocmwA, "twe.visible", ocmwA + ",vdab")));
        assertEquals(List.of(trajectoryB), visible(ours("trajectory"), Map.of("twe.organisation", ocmwB,
                "twe.acting_for", ocmwB)));
        assertEquals(List.of(ocmwA, "vdab"), visible("select id from organisation where id in ('" + ocmwA + "', '"
                + ocmwB + "', 'vdab') order by id = 'vdab'", Map.of("twe.organisation", ocmwA,
                "twe.visible", ocmwA + ",vdab")));
    }

    @Test
    void aClusterReadsTheRecordsOfTheOcmwsItActsForButNotTheirAccessLog() throws SQLException {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmwA, LocalDate.now().minusYears(1), null);
        data.execute("insert into access_log (occurred_at, subject, organisation_id, roles, operation, ocmw_id, "
                + "trajectory_ids, resource_type, resource_ids) values (now(), 'x', ?1, '{coach}', 'getTrajectory', "
                + "?1, array[cast(?2 as uuid)], 'trajectory', array[?2])", ocmwA, trajectoryA);
        Map<String, String> asCluster = Map.of("twe.organisation", cluster, "twe.acting_for", ocmwA);
        assertEquals(List.of(trajectoryA), visible(ours("trajectory"), asCluster));
        String log = "select trajectory_ids[1]::text from access_log where trajectory_ids = array['" + trajectoryA
                + "'::uuid]";
        assertEquals(List.of(), visible(log, asCluster));
        assertEquals(List.of(trajectoryA), visible(log, Map.of("twe.organisation", ocmwA, "twe.acting_for", ocmwA,
                "twe.own", ocmwA)));
    }

    @Test
    void vdabReadsEverythingAndNoSettingsReadNothing() throws SQLException {
        assertEquals(List.of(trajectoryA, trajectoryB), visible(ours("trajectory"), Map.of("twe.organisation", "vdab",
                "twe.unrestricted", "on")));
        for (String table : List.of("trajectory", "instrument", "organisation", "mandate", "coach",
                "financial_details", "change_event", "access_log", "statistics_starts")) {
            assertEquals(List.of(), visible("select 1 from " + table + " limit 1", Map.of()), table);
        }
    }

    @Test
    void feedEntriesAddressedToAClusterAreItsAloneNotVdabs() throws SQLException {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmwA, LocalDate.now().minusYears(1), null);
        data.rows("select record_pair_visibility(?1, ?2, true), 1", cluster, ocmwA);
        String addressed = "select resource_id from change_event where addressee = '" + cluster + "'";
        assertTrue(visible(addressed, Map.of("twe.organisation", cluster, "twe.acting_for", ocmwA))
                .contains(trajectoryA));
        assertEquals(List.of(), visible(addressed, Map.of("twe.organisation", "vdab", "twe.unrestricted", "on")));
        assertEquals(List.of(), visible(addressed, Map.of("twe.organisation", ocmwA, "twe.acting_for", ocmwA)));
    }

    /**
     * The rollups (ADR 0044) sum every OCMW's figures: read by VDAB alone, not by an OCMW, a
     * cluster acting for OCMWs, nor without settings. One transaction, rolled back: VDAB writes a
     * group, then the settings change to each other caller.
     */
    @Test
    void onlyVdabReadsTheRollupsOfEveryOcmw() throws SQLException {
        String cluster = data.newCluster();
        List<String> seen = asProbe(Map.of("twe.organisation", "vdab", "twe.unrestricted", "on"), s -> {
            s.execute("with r as (insert into statistics_rollup (figure, grouping, municipalities, scope, definition)"
                    + " values ('statistics_probe', 'year', 'AT_EVENT', ';;;', 'x') returning id)"
                    + " insert into statistics_rollup_group (rollup_id, key, counts) select id, '{2024}', '{1}' from r");
            List<String> counts = new ArrayList<>();
            // unrestricted, organisation, acting for
            for (List<String> caller : List.of(List.of("on", "vdab", ""), List.of("", ocmwA, ocmwA),
                    List.of("", cluster, ocmwA), List.of("", "", ""))) {
                s.execute(("select set_config('twe.unrestricted', '%s', true), set_config('twe.organisation', '%s', true),"
                        + " set_config('twe.acting_for', '%s', true)").formatted(caller.toArray()));
                try (ResultSet rs = s.executeQuery("select (select count(*) from statistics_rollup_group g"
                        + " join statistics_rollup r on r.id = g.rollup_id where r.figure = 'statistics_probe')")) {
                    rs.next();
                    counts.add(rs.getString(1));
                }
            }
            return counts;
        });
        assertEquals(List.of("1", "0", "0", "0"), seen, "groups seen by VDAB, an OCMW, a cluster acting for it, nobody");
    }

    /** A caller writes its own OCMW's records, never another's. */
    @Test
    void anOcmwWritesItsOwnRecordsOnly() throws SQLException {
        Map<String, String> asA = Map.of("twe.organisation", ocmwA, "twe.acting_for", ocmwA);
        assertEquals("ok", write("update trajectory set external_reference = 'A-1' where id = '" + trajectoryA + "'",
                asA));
        assertEquals("42501", write("update trajectory set ocmw_id = '" + ocmwB + "' where id = '" + trajectoryA
                + "'", asA), "moving a record to another OCMW");
        assertEquals("42501", write("insert into plan_method (ocmw_id, method) values ('" + ocmwB + "', 'POP')", asA));
        assertEquals("ok", write("insert into plan_method (ocmw_id, method) values ('" + ocmwA + "', 'POP')", asA));
    }

    /**
     * The feed is written by its triggers alone, also for the other party of a mandate; the audit
     * trail for the caller, the OCMWs it acts for and the other party of its mandates.
     */
    @Test
    void feedEntriesComeFromTriggersAndAuditEntriesOnlyForWhomTheChangeConcerns() throws SQLException {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmwA, LocalDate.now().minusYears(1), null);
        Map<String, String> asA = Map.of("twe.organisation", ocmwA, "twe.acting_for", ocmwA);
        assertEquals("42501", write("insert into change_event (resource_type, resource_id, path, scope, "
                + "organisation_id, version, kind) values ('trajectory', 'x', '/x', 'OCMW', '" + ocmwA
                + "', 0, 'CREATED')", asA), "no caller writes the feed itself");
        assertEquals("ok", write("update mandate set valid_to = current_date + 30 where cluster_id = '" + cluster
                + "'", asA), "the mandate's trigger writes the cluster's entry too");
        String audit = "insert into audit_event (actor_subject, actor_organisation_id, organisation_id, entity_type, "
                + "entity_id, action) values ('x', '" + ocmwA + "', '%s', 'mandate', 'm', 'update')";
        assertEquals("ok", write(audit.formatted(ocmwA), asA));
        assertEquals("ok", write(audit.formatted(cluster), asA), "the other party of its mandate");
        assertEquals("42501", write(audit.formatted(ocmwB), asA), "an organisation the change does not concern");
    }

    /** Every table with an OCMW's or organisation's column has row-level security and a policy. */
    @Test
    void everyTenantTableHasRowLevelSecurityAndAPolicy() throws SQLException {
        TreeSet<String> missing = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select distinct t.relname, t.relrowsecurity and t.relforcerowsecurity,
                            exists (select 1 from pg_policy p where p.polrelid = t.oid) as has_policy
                     from pg_class t join pg_namespace n on n.oid = t.relnamespace
                     join pg_attribute a on a.attrelid = t.oid and not a.attisdropped
                     where n.nspname = 'public' and t.relkind = 'r'
                       and a.attname in ('ocmw_id', 'organisation_id')""")) {
            while (rs.next()) {
                if ((!rs.getBoolean(2) || !rs.getBoolean(3)) && !WITHOUT_POLICY.containsKey(rs.getString(1))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "tables without forced row-level security or a policy");
    }

    /** The application's role owns nothing, is no superuser and cannot bypass row-level security. */
    @Test
    void theApplicationsRoleCannotSeePastThePolicies() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select r.rolsuper, r.rolbypassrls,
                            (select count(*) from pg_class t where t.relowner = r.oid),
                            (select count(*) from pg_proc p where p.proowner = r.oid)
                     from pg_roles r where r.rolname = current_user""")) {
            rs.next();
            assertEquals(List.of(false, false, 0L, 0L),
                    List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)),
                    "superuser, BYPASSRLS, relations owned, functions owned");
        }
        assertEquals("42501", write("alter table trajectory disable row level security", Map.of()));
        assertEquals("42501", write("drop policy acting_for on trajectory", Map.of()));
    }
}
