package be.twe.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import be.twe.common.tenancy.CallerCache;
import be.twe.common.tenancy.SystemWork;

/**
 * Fresh organisations and mandates per test, written with native SQL as system work (which
 * row-level security lets through), so tests never share mutable data.
 */
@ApplicationScoped
public class TestData {
    /** Fixtures write reference data and read across organisations: system work, past row-level security. */
    private static final String FIXTURES = "test fixtures";
    private static final AtomicInteger NEXT_INSZ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    @Inject
    EntityManager em;
    @Inject
    CallerCache callerCache;
    @Inject
    SystemWork fixtures;

    public String newOcmw(String nisCode) {
        return fixtures.inTransaction(FIXTURES, () -> {
            callerCache.invalidateAfterCommit(); // tests change mandates and organisations in SQL
            String id = "ocmw-t" + unique();
            em.createNativeQuery("""
                    insert into organisation (id, kind, name, nis_code, province_nis_code, valid_from)
                    select :id, 'OCMW', 'Test OCMW ' || name, nis_code, province_nis_code, date '2017-01-01'
                    from municipality where nis_code = :nis order by valid_from desc limit 1""")
                    .setParameter("id", id).setParameter("nis", nisCode).executeUpdate();
            addFinancialDetails(id);
            return id;
        });
    }

    public String newOcmw() {
        return newOcmw("44021");
    }

    /** An OCMW of 2017 until {@code lastDay}, when it merged into {@code successorId}. */
    public String newMergedOcmw(String successorId, LocalDate lastDay) {
        return fixtures.inTransaction(FIXTURES, () -> {
            callerCache.invalidateAfterCommit(); // tests change mandates and organisations in SQL
            String id = "ocmw-t" + unique();
            em.createNativeQuery("""
                    insert into organisation (id, kind, name, nis_code, province_nis_code, valid_from, valid_to, successor_id)
                    select :id, 'OCMW', 'Test merged OCMW', nis_code, province_nis_code, date '2017-01-01', :lastDay, s.id
                    from organisation s where s.id = :successor""")
                    .setParameter("id", id).setParameter("lastDay", lastDay).setParameter("successor", successorId)
                    .executeUpdate();
            return id;
        });
    }

    public String newCluster() {
        return fixtures.inTransaction(FIXTURES, () -> {
            callerCache.invalidateAfterCommit(); // tests change mandates and organisations in SQL
            String id = "cluster-t" + unique();
            em.createNativeQuery("""
                    insert into organisation (id, kind, name, cluster_kind, valid_from)
                    values (:id, 'CLUSTER', 'Test cluster', 'INTERMUNICIPAL', date '2017-01-01')""")
                    .setParameter("id", id).executeUpdate();
            addFinancialDetails(id);
            return id;
        });
    }

    public void mandate(String clusterId, String ocmwId, LocalDate from, LocalDate to) {
        fixtures.inTransaction(FIXTURES, () -> {
            callerCache.invalidateAfterCommit(); // tests change mandates and organisations in SQL
            em.createNativeQuery("insert into mandate (cluster_id, ocmw_id, valid_from, valid_to) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, clusterId).setParameter(2, ocmwId).setParameter(3, from).setParameter(4, to)
                    .executeUpdate();
        });
    }

    /** A coach trained on {@code trainedOn} (null: not trained). */
    public UUID coach(String organisationId, LocalDate trainedOn) {
        return fixtures.inTransaction(FIXTURES, () -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into coach (id, organisation_id, name, trained_on) values (?1, ?2, 'Test coach', ?3)")
                    .setParameter(1, id).setParameter(2, organisationId).setParameter(3, trainedOn).executeUpdate();
            return id;
        });
    }

    public void signAgreement(String organisationId, LocalDate signedOn) {
        fixtures.inTransaction(FIXTURES, () -> {
            em.createNativeQuery("insert into partner_agreement (organisation_id, signed_on) values (?1, ?2)")
                    .setParameter(1, organisationId).setParameter(2, signedOn).executeUpdate();
        });
    }

    /** A trained coach of an organisation that signed the partner agreement. */
    public UUID accreditedCoach(String organisationId) {
        if (!signed(organisationId)) {
            signAgreement(organisationId, LocalDate.of(2017, 1, 1));
        }
        return coach(organisationId, LocalDate.of(2017, 1, 1));
    }

    boolean signed(String organisationId) {
        return fixtures.inTransaction(FIXTURES, () -> ((Number) em.createNativeQuery("select count(*) from partner_agreement where organisation_id = ?1")
                    .setParameter(1, organisationId).getSingleResult()).intValue() > 0);
    }

    /**
     * Waits until every import and export submitted so far has finished, so that a test that
     * submits many (the fuzz) leaves no background work to the tests after it.
     */
    public void awaitBackgroundJobs(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (count("select (select count(*) from import_job where finished_at is null)"
                + " + (select count(*) from export_job where finished_at is null)") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("imports or exports still running after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** A count read straight from the database (positional parameters ?1, ?2, ...). */
    public long count(String sql, Object... parameters) {
        return fixtures.inTransaction(FIXTURES, () -> ((Number) nativeQuery(sql, parameters).getSingleResult()).longValue());
    }

    /** The change feed's last position: a test reads the feed after it to see only its own changes. */
    public long feedPosition() {
        return count("select feed_last_position()");
    }

    /** A statement run straight on the database (positional parameters ?1, ?2, ...). */
    public int execute(String sql, Object... parameters) {
        return fixtures.inTransaction(FIXTURES, () -> {
            callerCache.invalidateAfterCommit(); // tests change mandates and organisations in SQL
            return nativeQuery(sql, parameters).executeUpdate();
        });
    }

    /** A change of the schema (fault injection), as the tables' owner: the application's role has no such right. */
    public void changeSchema(String ddl) {
        try (Connection c = DatabaseOwner.connect(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows read straight from the database, each as its columns joined by '|'. */
    public List<String> rows(String sql, Object... parameters) {
        return fixtures.inTransaction(FIXTURES, () -> {
            List<?> rows = nativeQuery(sql, parameters).getResultList();
            return rows.stream().map(row -> row instanceof Object[] columns
                    ? Arrays.stream(columns).map(String::valueOf).collect(Collectors.joining("|"))
                    : String.valueOf(row)).toList();
        });
    }

    /** A valid INSZ never handed out before in this run: random ones collided in a full suite run. */
    public static String newInsz() {
        int n = NEXT_INSZ.getAndIncrement();
        int day = n / 999;
        String base = String.format("%02d%02d%02d%03d", day / 336 % 100, 1 + day / 28 % 12, 1 + day % 28, n % 999);
        long check = 97 - Long.parseLong(base) % 97;
        return base + String.format("%02d", check);
    }

    private Query nativeQuery(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private void addFinancialDetails(String id) {
        em.createNativeQuery("insert into financial_details (organisation_id) values (?1)")
                .setParameter(1, id).executeUpdate();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
