package be.twe.imports.persistence;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import be.twe.common.paging.Query;
import be.twe.common.persistence.TransactionStatements;

/**
 * An import's lines. Reached only through a job the caller owns ({@link ImportJobRepository}),
 * so the statements here filter on the import id alone.
 */
@ApplicationScoped
public class ImportLineRepository {
    public enum Status { PENDING, SUCCEEDED, FAILED }

    /** What processing a line gave: the record made or changed, or the problem (JSON). */
    public record Result(Status status, int httpStatus, String resourceType, UUID resourceId, String path,
                         String problem) {
    }

    /** Writes lines in batches while the file streams in; {@link #flush()} writes the last batch. */
    public interface Writer {
        void add(int line, String request);

        void flush();
    }

    private static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    TransactionStatements statements;

    private record Line(int number, String request) {
    }

    public Writer writer(UUID importId) {
        Session session = em.unwrap(Session.class);
        return new Writer() {
            private final List<Line> pending = new ArrayList<>();

            @Override
            public void add(int line, String request) {
                pending.add(new Line(line, request));
                if (pending.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void flush() {
                if (pending.isEmpty()) {
                    return;
                }
                session.doWork(c -> {
                    try (PreparedStatement s = c.prepareStatement(
                            "insert into import_line (import_id, line, request) values (?, ?, ?)")) {
                        for (Line row : pending) {
                            s.setObject(1, importId);
                            s.setInt(2, row.number());
                            s.setString(3, row.request());
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                });
                pending.clear();
            }
        };
    }

    /** The next pending line numbers after {@code after}, in file order. */
    @SuppressWarnings("unchecked")
    public List<Integer> pending(UUID importId, int after, int limit) {
        List<?> lines = em.createNativeQuery("""
                        select line from import_line where import_id = ?1 and status = 'PENDING' and line > ?2
                        order by line limit ?3""")
                .setParameter(1, importId).setParameter(2, after).setParameter(3, limit).getResultList();
        return lines.stream().map(l -> ((Number) l).intValue()).toList();
    }

    /**
     * Takes a pending line for the current transaction and returns its text; empty when it is
     * done or another worker holds it.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> takePending(UUID importId, int line) {
        List<String> rows = em.createNativeQuery("""
                        select request from import_line where import_id = ?1 and line = ?2 and status = 'PENDING'
                        for update skip locked""")
                .setParameter(1, importId).setParameter(2, line).getResultList();
        return rows.stream().findFirst();
    }

    /** Records a pending line's result and drops its text; false when it was no longer pending. */
    public boolean record(UUID importId, int line, Result result) {
        return em.createNativeQuery("""
                        update import_line set status = ?3, http_status = ?4, resource_type = ?5, resource_id = ?6,
                            path = ?7, problem = cast(?8 as jsonb), request = null
                        where import_id = ?1 and line = ?2 and status = 'PENDING'""")
                .setParameter(1, importId).setParameter(2, line).setParameter(3, result.status().name())
                .setParameter(4, result.httpStatus()).setParameter(5, result.resourceType())
                .setParameter(6, result.resourceId()).setParameter(7, result.path())
                .setParameter(8, result.problem()).executeUpdate() == 1;
    }

    record StatusCount(Status status, Long lines) {
    }

    public Map<Status, Integer> counts(UUID importId) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        em.createQuery("select l.status, count(l) from ImportLineEntity l where l.importId = :id group by l.status",
                        StatusCount.class)
                .setParameter("id", importId).getResultList()
                .forEach(row -> counts.put(row.status(), row.lines().intValue()));
        return counts;
    }

    /** A page of the report in line order. */
    public List<ImportLineEntity> page(UUID importId, Status status, int afterLine, int fetch) {
        Query q = new Query().and("l.importId = :id", "id", importId)
                .and("l.line > :after", "after", afterLine)
                .and("l.status = :status", "status", status);
        var query = em.createQuery("from ImportLineEntity l where " + q.where() + " order by l.line",
                ImportLineEntity.class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(fetch).getResultList();
    }

    /**
     * The pending ones of these lines, in file order, with their text. They are not locked: a
     * batch takes them when it records their results ({@link #recordAll}), which fails when
     * another worker recorded one first.
     */
    public Map<Integer, String> pendingText(UUID importId, List<Integer> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        Set<Integer> wanted = Set.copyOf(lines);
        // a range, not line = any(...): that is a comparison with every element for every pending line
        return statements.query("""
                select line, request from import_line
                where import_id = ? and status = 'PENDING' and line between ? and ? order by line""", s -> {
            s.setObject(1, importId);
            s.setInt(2, Collections.min(lines));
            s.setInt(3, Collections.max(lines));
        }, rows -> {
            Map<Integer, String> taken = new LinkedHashMap<>();
            while (rows.next()) {
                if (wanted.contains(rows.getInt(1))) {
                    taken.put(rows.getInt(1), rows.getString(2));
                }
            }
            return taken;
        });
    }

    /**
     * Records the results of pending lines in one statement; throws when one is no longer pending
     * (another worker recorded it first, its update waited for that worker's commit), so that the
     * transaction, and what it made for those lines, is rolled back.
     */
    public void recordAll(UUID importId, Map<Integer, Result> results) {
        if (results.isEmpty()) {
            return;
        }
        List<Integer> lines = List.copyOf(results.keySet());
        List<Result> rs = lines.stream().map(results::get).toList();
        int recorded = statements.update("""
                update import_line l set status = r.status, http_status = r.http_status,
                    resource_type = r.resource_type, resource_id = r.resource_id, path = r.path,
                    problem = r.problem::jsonb, request = null
                from unnest(?::int4[], ?::text[], ?::int4[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                    as r(line, status, http_status, resource_type, resource_id, path, problem)
                where l.import_id = ? and l.line = r.line and l.status = 'PENDING'""", s -> {
            s.setArray(1, TransactionStatements.array(s, "int4", lines));
            s.setArray(2, TransactionStatements.array(s, "text", rs.stream().map(r -> r.status().name()).toList()));
            s.setArray(3, TransactionStatements.array(s, "int4", rs.stream().map(Result::httpStatus).toList()));
            s.setArray(4, TransactionStatements.array(s, "text", rs.stream().map(Result::resourceType).toList()));
            s.setArray(5, TransactionStatements.array(s, "uuid", rs.stream().map(Result::resourceId).toList()));
            s.setArray(6, TransactionStatements.array(s, "text", rs.stream().map(Result::path).toList()));
            s.setArray(7, TransactionStatements.array(s, "text", rs.stream().map(Result::problem).toList()));
            s.setObject(8, importId);
        });
        if (recorded != lines.size()) {
            throw new IllegalStateException("A batch's lines were no longer pending");
        }
    }
}
