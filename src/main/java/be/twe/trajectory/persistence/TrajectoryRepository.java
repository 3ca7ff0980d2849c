package be.twe.trajectory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.persistence.TransactionStatements;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrajectoryRepository implements PanacheRepositoryBase<TrajectoryEntity, UUID> {

    public record Criteria(String ocmwId, String nisCode, Boolean open, LocalDate startFrom, LocalDate startTo,
                           OffsetDateTime modifiedSince) {
    }

    /**
     * Its client (created when new) and the trajectory, in one statement that returns what the
     * database computes (issue 31: a create was ten round trips through the entity flow). The
     * one-open-trajectory and external-reference constraints decide, as for any write.
     */
    private static final String INSERT = """
            with new_client as (insert into client (id, insz) values (?, ?) on conflict (insz) do nothing
                                returning id),
                 the_client as (select id from new_client union all select id from client where insz = ? limit 1)
            insert into trajectory (id, ocmw_id, client_id, start_date, coach_id, registered_by, on_behalf,
                                    external_reference, updated_at, version)
            select ?, ?, the_client.id, ?, ?, ?, ?, ?, ?, ? from the_client
            returning client_id, planned_end_date""";

    @Inject
    TransactionStatements statements;

    /**
     * Inserts a new trajectory and, when new, its client; sets what the database computed. Not
     * managed afterwards: it is for the answer.
     */
    public void insert(TrajectoryEntity t, String insz) {
        flush(); // the constraints judge the transaction's earlier changes too
        // a client inserted by a transaction that commits during the statement is not in its
        // snapshot: the insert then returns no row, and the next statement sees the client
        if (!insertOnce(t, insz) && !insertOnce(t, insz)) {
            throw new IllegalStateException("The client of a new trajectory was neither created nor found");
        }
    }

    private boolean insertOnce(TrajectoryEntity t, String insz) {
        return statements.query(INSERT, s -> {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, insz);
            s.setString(3, insz);
            s.setObject(4, t.id);
            s.setString(5, t.ocmwId);
            s.setObject(6, t.startDate);
            s.setObject(7, t.coachId);
            s.setString(8, t.registeredBy);
            s.setBoolean(9, t.onBehalf);
            s.setString(10, t.externalReference);
            s.setObject(11, t.updatedAt);
            s.setLong(12, t.version);
        }, rows -> {
            if (!rows.next()) {
                return false;
            }
            t.client = new ClientEntity();
            t.client.id = rows.getObject(1, UUID.class);
            t.client.insz = insz;
            t.plannedEndDate = rows.getObject(2, LocalDate.class);
            return true;
        });
    }

    /** The caller-visible trajectory an organisation registered under its own reference. */
    public Optional<TrajectoryEntity> byReference(String registeredBy, String externalReference) {
        return find("registeredBy = ?1 and externalReference = ?2", registeredBy, externalReference)
                .firstResultOptional();
    }
}
