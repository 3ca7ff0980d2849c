package be.twe.privacy.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import be.twe.common.persistence.Rows;
import be.twe.common.tenancy.SystemWork;
import be.twe.document.storage.DocumentStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Pseudonymises trajectories that ended longer ago than the retention period (ADR 0031), a batch
 * per transaction, rows taken with {@code skip locked} so instances share the work: free texts of
 * the trajectory, its instruments, transfers and documents become {@link #REMOVED}, its
 * external reference goes, its documents' content is erased, and the client's INSZ becomes a
 * keyed hash once none of the client's trajectories is within the period. Dates, types, reasons,
 * outcomes and who registered what stay: statistics and funding count those. Versions are raised,
 * so the change feed tells every synchronising system to fetch the pseudonymised records.
 */
@ApplicationScoped
public class RetentionJob {
    public static final String REMOVED = "(removed after the retention period)";
    static final int BATCH = 100;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final String IDS = "any(cast(string_to_array(?1, ',') as uuid[]))";

    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    DocumentStore store;
    @Inject
    RetentionSettings settings;

    @Scheduled(every = "${twe.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (settings.key().isEmpty()) {
            LOG.error("Retention did not run: twe.retention.key is not set");
            return;
        }
        int done = run(LocalDate.now(BRUSSELS).minus(settings.after()), null);
        if (done > 0) {
            LOG.infof("Retention: %d trajectories pseudonymised", done);
        }
    }

    /** Pseudonymises the trajectories that ended before {@code endedBefore} (only of {@code ocmwId} if given). */
    public int run(LocalDate endedBefore, String ocmwId) {
        Pseudonyms pseudonyms = new Pseudonyms(settings.key()
                .orElseThrow(() -> new IllegalStateException("twe.retention.key is not set")));
        int done = 0;
        for (int n = batch(endedBefore, ocmwId, pseudonyms); n > 0; n = batch(endedBefore, ocmwId, pseudonyms)) {
            done += n;
        }
        return done;
    }

    private int batch(LocalDate endedBefore, String ocmwId, Pseudonyms pseudonyms) {
        return systemWork.inTransaction("retention", () -> {
            NativeQuery<Ended> pick = Rows.as(Ended.class, em.createNativeQuery("""
                    select cast(id as text), cast(client_id as text) from trajectory
                    where end_date < ?1 and pseudonymised_at is null and %s
                    order by end_date, id limit ?2 for update skip locked""".formatted(ocmwId == null ? "true" : "ocmw_id = ?3")))
                    .setParameter(1, endedBefore).setParameter(2, BATCH);
            List<Ended> picked = (ocmwId == null ? pick : pick.setParameter(3, ocmwId)).getResultList();
            if (picked.isEmpty()) {
                return 0;
            }
            String trajectories = picked.stream().map(Ended::trajectoryId).collect(Collectors.joining(","));
            Set<String> clients = picked.stream().map(Ended::clientId).collect(Collectors.toSet());
            removeTexts(trajectories);
            eraseDocuments(trajectories);
            pseudonymiseClients(String.join(",", clients), pseudonyms);
            return picked.size();
        });
    }

    /** An ended trajectory picked for retention, and its client. */
    record Ended(String trajectoryId, String clientId) {
    }

    /** A client none of whose trajectories is left to pseudonymise. */
    record Done(String clientId, String insz) {
    }

    private void removeTexts(String trajectories) {
        update("""
                update trajectory set end_advice = ?2, external_reference = null, pseudonymised_at = now(),
                       version = version + 1, updated_at = now()
                where id = """ + IDS, trajectories);
        update("""
                update instrument set stop_reason = case when stop_reason is null then null else ?2 end,
                       employer = case when employer is null then null else ?2 end, external_reference = null,
                       version = version + 1, updated_at = now()
                where trajectory_id = """ + IDS
                + " and (stop_reason is not null or employer is not null or external_reference is not null)",
                trajectories);
        update("update transfer set reason_text = ?2, version = version + 1, updated_at = now() where trajectory_id = "
                + IDS + " and reason_text is not null", trajectories);
        update("""
                update transfer_step s set note = ?2 from transfer t
                where t.id = s.transfer_id and s.note is not null and t.trajectory_id = """ + IDS, trajectories);
        update("""
                update follow_up_action f set description = ?2 from transfer t
                where t.id = f.transfer_id and f.description is not null and t.trajectory_id = """ + IDS,
                trajectories);
        update("update document set title = ?2 where trajectory_id = " + IDS, trajectories);
    }

    private void eraseDocuments(String trajectories) {
        List<?> keys = em.createNativeQuery("select storage_key from document_version where erased_at is null"
                + " and trajectory_id = " + IDS).setParameter(1, trajectories).getResultList();
        keys.forEach(key -> store.erase((String) key));
        update("""
                update document_version set file_name = ?2, erased_at = now(), version = version + 1,
                       withdrawal_reason = case when withdrawal_reason is null then null else ?2 end
                where erased_at is null and trajectory_id = """ + IDS, trajectories);
    }

    /** Clients locked first, then checked: a trajectory registered meanwhile keeps its client's INSZ. */
    private void pseudonymiseClients(String clients, Pseudonyms pseudonyms) {
        em.createNativeQuery("select id from client where insz is not null and id = " + IDS + " for update")
                .setParameter(1, clients).getResultList();
        List<Done> done = Rows.as(Done.class, em.createNativeQuery("""
                select cast(c.id as text), c.insz from client c
                where c.insz is not null and c.id = """ + IDS + """
                  and not exists (select 1 from trajectory t where t.client_id = c.id and t.pseudonymised_at is null)"""))
                .setParameter(1, clients).getResultList();
        for (Done client : done) {
            em.createNativeQuery("update client set insz = null, pseudonym = ?1 where id = cast(?2 as uuid)")
                    .setParameter(1, pseudonyms.of(client.insz())).setParameter(2, client.clientId()).executeUpdate();
        }
    }

    /** A statement over the trajectories {@code ?1} that writes the marker {@code ?2}. */
    private void update(String sql, String trajectories) {
        em.createNativeQuery(sql).setParameter(1, trajectories).setParameter(2, REMOVED).executeUpdate();
    }
}
