package be.twe.exports.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import be.twe.common.persistence.Rows;

/**
 * Export jobs and their content. The content is reached only through a job the caller requested
 * ({@code ExportService}), so its statements filter on the export id alone.
 */
@ApplicationScoped
public class ExportJobRepository implements PanacheRepositoryBase<ExportJobEntity, UUID> {

    /** The feed position after which the export starts (its {@code since}). */
    public long since(UUID id) {
        return ((Number) getEntityManager().createNativeQuery("select since from export_job where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /**
     * The current transaction reads an export: it may only read from now on, and its statements
     * may last as long as the export. A request's 15 s would end the statement of a large export's
     * one pass (ExportFeed), which sorts every record before its first row comes: 1.5-2.3 s for
     * 306,000 records, so ten times as many would not be exported.
     */
    public void readOnly() {
        getEntityManager().createNativeQuery("set transaction read only").executeUpdate();
        getEntityManager().createNativeQuery("""
                select set_config('statement_timeout', '1h', true)""").getSingleResult();
    }

    /**
     * Starts (or restarts) the export: its content so far is dropped (lines are written in
     * transactions of their own, and only a finished export's lines are served).
     */
    public void start(UUID id, long upTo) {
        getEntityManager().createNativeQuery("delete from export_line where export_id = ?1")
                .setParameter(1, id).executeUpdate();
        getEntityManager().createNativeQuery("update export_job set started_at = clock_timestamp(), up_to = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, upTo).executeUpdate();
    }

    /**
     * Appends a batch of lines as one row: the lines joined by line breaks, under the number of
     * its first line. A row per line cost the database a statement, an index entry and a
     * foreign-key check per line, 15 µs of a line's 20 (issue 31). JSON holds no raw line break,
     * so the content splits back into its lines.
     */
    public void append(UUID id, int firstLine, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        // no wait for the disk at each block: the job's finish commits synchronously and so makes
        // every block before it durable; an export that did not finish is made again (issue 31)
        getEntityManager().createNativeQuery("set local synchronous_commit = off").executeUpdate();
        getEntityManager().createNativeQuery("insert into export_line (export_id, line, content) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, firstLine).setParameter(3, String.join("\n", lines))
                .executeUpdate();
    }

    public void finish(UUID id, int records, int deletions, String problem) {
        getEntityManager().createNativeQuery("""
                        update export_job set finished_at = clock_timestamp(), records = ?2, deletions = ?3,
                            problem = cast(?4 as jsonb)
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, records).setParameter(3, deletions).setParameter(4, problem)
                .executeUpdate();
    }

    /** A block of lines: the number of its first line, and its lines joined by line breaks. */
    public record Block(Integer line, String content) {
    }

    /** Up to {@code limit} blocks of lines after the block of line {@code after}, in order. */
    public List<Block> lines(UUID id, int after, int limit) {
        return Rows.as(Block.class, getEntityManager().createNativeQuery("""
                        select line, content from export_line where export_id = ?1 and line > ?2
                        order by line limit ?3"""))
                .setParameter(1, id).setParameter(2, after).setParameter(3, limit).getResultList();
    }
}
