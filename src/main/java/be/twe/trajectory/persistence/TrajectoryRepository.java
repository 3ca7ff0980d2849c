package be.twe.trajectory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** The ids of the client's trajectories in the given OCMWs, by start. */
    public List<UUID> ofClient(String insz, Collection<String> ocmwIds) {
        return getEntityManager().createQuery("""
                select t.id from TrajectoryEntity t
                where t.client.insz = ?1 and t.ocmwId in ?2 order by t.startDate, t.id""", UUID.class)
                .setParameter(1, insz).setParameter(2, ocmwIds).getResultList();
    }

    public Optional<TrajectoryEntity> byReference(String registeredBy, String externalReference) {
        return find("registeredBy = ?1 and externalReference = ?2", registeredBy, externalReference)
                .firstResultOptional();
    }

    private static final String COLUMNS = "select " + TrajectoryRows.COLUMNS + "\n";

    /** The caller-visible trajectories an organisation registered under these references, not managed. */
    public Map<String, TrajectoryEntity> byReferences(String registeredBy, Collection<String> references) {
        Map<String, TrajectoryEntity> found = new HashMap<>();
        if (!references.isEmpty()) {
            // one index lookup per reference, whatever the planner's statistics say during a bulk import
            rows(COLUMNS + """
                    from unnest(?::text[]) r(reference)
                    cross join lateral (select * from trajectory t where t.registered_by = ?
                                        and t.external_reference = r.reference limit 1) t""", s -> {
                s.setArray(1, TransactionStatements.array(s, "text", references));
                s.setString(2, registeredBy);
            }).forEach(t -> found.put(t.externalReference, t));
        }
        return found;
    }

    /** The caller-visible trajectories with these ids, not managed. */
    public Map<UUID, TrajectoryEntity> byIds(Collection<UUID> ids) {
        Map<UUID, TrajectoryEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            rows(COLUMNS + "from trajectory t where t.id = any(?)",
                    s -> s.setArray(1, TransactionStatements.array(s, "uuid", ids)))
                    .forEach(t -> found.put(t.id, t));
        }
        return found;
    }

    /** Which of these clients have an open trajectory the caller can see. */
    public Set<String> withOpenTrajectory(Collection<String> insz) {
        if (insz.isEmpty()) {
            return Set.of();
        }
        return statements.query("""
                select c.insz from unnest(?::text[]) r(insz)
                cross join lateral (select id, insz from client c where c.insz = r.insz limit 1) c
                cross join lateral (select from trajectory t where t.client_id = c.id and t.end_date is null limit 1) t""",
                s -> s.setArray(1, TransactionStatements.array(s, "text", insz)), rows -> {
                    Set<String> open = new HashSet<>();
                    while (rows.next()) {
                        open.add(rows.getString(1));
                    }
                    return open;
                });
    }

    private List<TrajectoryEntity> rows(String sql, TransactionStatements.Binder binder) {
        return statements.query(sql, binder, rows -> {
            List<TrajectoryEntity> list = new ArrayList<>();
            while (rows.next()) {
                list.add(TrajectoryRows.entity(rows));
            }
            return list;
        });
    }

    /**
     * Inserts new trajectories, in this order, with their clients when new, in one statement (a
     * bulk import's batch, issue 31). Each must carry its client's INSZ and the planned end its
     * rules were judged on: the database computes the planned end, and a difference, like a client
     * created meanwhile by another transaction, fails the insert so the batch runs line by line.
     */
    public void insertAll(List<TrajectoryEntity> trajectories) {
        if (trajectories.isEmpty()) {
            return;
        }
        flush();
        List<LocalDate> plannedEnds = statements.query(INSERT_ALL, s -> {
            s.setArray(1, TransactionStatements.array(s, "uuid", trajectories, t -> t.id));
            s.setArray(2, TransactionStatements.array(s, "text", trajectories, t -> t.ocmwId));
            s.setArray(3, TransactionStatements.array(s, "text", trajectories, t -> t.client.insz));
            s.setArray(4, TransactionStatements.array(s, "date", trajectories, t -> t.startDate));
            s.setArray(5, TransactionStatements.array(s, "uuid", trajectories, t -> t.coachId));
            s.setArray(6, TransactionStatements.array(s, "text", trajectories, t -> t.registeredBy));
            s.setArray(7, TransactionStatements.array(s, "boolean", trajectories, t -> t.onBehalf));
            s.setArray(8, TransactionStatements.array(s, "text", trajectories, t -> t.externalReference));
            s.setArray(9, TransactionStatements.array(s, "timestamptz", trajectories, t -> t.updatedAt));
        }, rows -> {
            List<LocalDate> list = new ArrayList<>();
            while (rows.next()) {
                list.add(rows.getObject(2, LocalDate.class));
            }
            return list;
        });
        if (plannedEnds.size() != trajectories.size()) {
            throw new IllegalStateException("A batch's clients changed while it was written");
        }
        for (int i = 0; i < plannedEnds.size(); i++) {
            if (!trajectories.get(i).plannedEndDate.equals(plannedEnds.get(i))) {
                throw new IllegalStateException("The database computed another planned end");
            }
        }
    }

    private static final String INSERT_ALL = """
            with line as (select * from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::uuid[], ?::text[],
                                               ?::boolean[], ?::text[], ?::timestamptz[]) with ordinality
                              as l(id, ocmw_id, insz, start_date, coach_id, registered_by, on_behalf,
                                   external_reference, updated_at, n)),
                 new_client as (insert into client (id, insz) select gen_random_uuid(), insz
                                from (select distinct insz from line) d
                                on conflict (insz) do nothing returning id, insz),
                 the_client as (select id, insz from new_client
                                union all select id, insz from client where insz in (select insz from line)),
                 made as (insert into trajectory (id, ocmw_id, client_id, start_date, coach_id, registered_by,
                                                  on_behalf, external_reference, updated_at, version)
                          select l.id, l.ocmw_id, c.id, l.start_date, l.coach_id, l.registered_by, l.on_behalf,
                                 l.external_reference, l.updated_at, 0
                          from line l join the_client c on c.insz = l.insz order by l.n
                          returning id, client_id, planned_end_date)
            select made.id, made.planned_end_date from made join line using (id) order by line.n""";
}
