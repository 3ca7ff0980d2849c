package be.twe.trajectory.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.persistence.TransactionStatements;
import be.twe.common.tenancy.CallerReads;
import be.twe.trajectory.service.EndReason;
import be.twe.trajectory.service.InstrumentsOfTrajectory.InstrumentDates;

/**
 * A trajectory as an answer shows it, read in one statement with its client and its instruments'
 * dates, in one round trip with the caller's settings ({@link CallerReads}). The entity returned
 * is not managed: it is for reading (issue 30).
 */
@ApplicationScoped
public class TrajectoryRows {
    /**
     * A trajectory's columns (t) and its client's INSZ, as {@link #entity} reads them. The client
     * is a subquery, one index lookup per trajectory: joined, the generic plan of a statement over
     * an array of ids hashed every client for an export's batch of 250 (issue 31).
     */
    static final String COLUMNS = columns("(select c.insz from client c where c.id = t.client_id)");
    private static final String SELECT = "select " + COLUMNS + """
            , i.types, i.starts, i.ends
            from trajectory t
            left join lateral (select array_agg(type) as types, array_agg(start_date - date '1970-01-01') as starts,
                                      array_agg(coalesce(end_date, planned_end_date) - date '1970-01-01') as ends
                               -- sorted once for the three lists, which stay aligned
                               from (select type, start_date, end_date, planned_end_date from instrument
                                     where trajectory_id = t.id order by start_date) o) i on true
            """;
    /** How many columns {@link #row} reads. */
    private static final int COLUMN_COUNT = 21;

    /** A trajectory's columns with {@code insz} as its client's INSZ. */
    private static String columns(String insz) {
        return "t.id, t.ocmw_id, t.client_id, " + insz + """
                , t.start_date,
                t.planned_end_date, t.end_date, t.end_reason, t.end_advice, t.at_work_at_measurement,
                t.at_work_within_12_months, t.pseudonymised_at, t.coach_id,
                t.registered_by, t.on_behalf, t.external_reference, t.version, t.updated_at""";
    }

    public record Row(TrajectoryEntity trajectory, List<InstrumentDates> instruments) {
    }

    /** Rows taken at a time from an export's cursor. */
    private static final int FETCH = 500;

    @Inject
    CallerReads reads;
    @Inject
    TransactionStatements statements;

    /** The trajectory if the caller may see it. */
    public Optional<Row> one(UUID id) {
        return reads.read(SELECT + "where t.id = ?", (s, first) -> s.setObject(first, id),
                rows -> rows.next() ? Optional.of(row(rows)) : Optional.empty());
    }

    /** The trajectories among {@code ids} the caller may see, in one statement (an export's batch). */
    public List<Row> some(Collection<UUID> ids) {
        return reads.list(SELECT + "where t.id = any(?)",
                (s, first) -> s.setArray(first, s.getConnection().createArrayOf("uuid", ids.toArray())),
                TrajectoryRows::row);
    }

    /** Takes a row of a source and the trajectory it names, or null when there is none the caller may see. */
    public interface RowHandler {
        void handle(ResultSet source, Row trajectory) throws SQLException;
    }

    /**
     * Every row of {@code source} (a select with a {@code trajectory_id} column) with the trajectory
     * it names, in the order of the source's column {@code order}: one statement on the current
     * transaction's connection, read from a cursor (an export's one pass, issue 31). The trajectories,
     * their clients and their instruments are hashed whole, which pays from some thousands of rows
     * on. work_mem is raised for this transaction so that the hashes (about 50 MB for 200,000
     * trajectories) and the final sort stay in memory: the harness's 280,000 rows took 97 MB to
     * sort, and 1.74-1.84 s with 128 MB against 1.96-2.27 s sorted on disk with 64 MB.
     */
    public void alongside(TransactionStatements.Source source, String order, RowHandler handler) {
        statements.query("select set_config('work_mem', '128MB', true)", s -> { }, rows -> null);
        statements.cursor("select s.*, " + columns("c.insz") + """
                , i.types, i.starts, i.ends
                from (%s) s
                left join trajectory t on t.id = s.trajectory_id
                left join client c on c.id = t.client_id
                left join (select trajectory_id,
                                  -- the same order in the three lists, which stay aligned
                                  array_agg(type order by start_date, id) as types,
                                  array_agg(start_date - date '1970-01-01' order by start_date, id) as starts,
                                  array_agg(coalesce(end_date, planned_end_date) - date '1970-01-01'
                                            order by start_date, id) as ends
                           from instrument group by trajectory_id) i on i.trajectory_id = t.id
                order by s.%s""".formatted(source.sql(), order), FETCH, source.binder(), rows -> {
            int first = rows.getMetaData().getColumnCount() - COLUMN_COUNT + 1;
            while (rows.next()) {
                handler.handle(rows, rows.getObject(first) == null ? null : row(rows, first));
            }
            return null;
        });
    }

    /** Up to {@code fetch} trajectories the caller may see that meet the criteria, after {@code afterId} by id. */
    public List<Row> page(TrajectoryRepository.Criteria c, UUID afterId, int fetch) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("where true");
        condition(where, parameters, " and t.ocmw_id = ?", c.ocmwId());
        condition(where, parameters, " and t.ocmw_id in (select o.id from organisation o where o.nis_code = ?)",
                c.nisCode());
        condition(where, parameters, " and t.start_date >= ?", c.startFrom());
        condition(where, parameters, " and t.start_date <= ?", c.startTo());
        condition(where, parameters, " and t.updated_at >= ?", c.modifiedSince());
        condition(where, parameters, " and t.id > ?", afterId);
        if (c.open() != null) {
            where.append(c.open() ? " and t.end_date is null" : " and t.end_date is not null");
        }
        // the limit as a literal: as a parameter, a generic plan assumes a tenth of the matching rows,
        // and past PostgreSQL's jit_above_cost (an OCMW of 25,000 trajectories, VDAB's every page)
        // each page paid 9-18 ms of JIT compilation for 51 rows (issue 30)
        return reads.list(SELECT + where + " order by t.id limit " + fetch, (s, first) -> {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(first + i, parameters.get(i));
            }
        }, TrajectoryRows::row);
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(sql);
            parameters.add(value);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return row(rs, 1);
    }

    /** The row whose columns begin at column {@code first}. */
    private static Row row(ResultSet rs, int first) throws SQLException {
        return new Row(entity(rs, first),
                instruments(rs.getArray(first + 18), rs.getArray(first + 19), rs.getArray(first + 20)));
    }

    static TrajectoryEntity entity(ResultSet rs) throws SQLException {
        return entity(rs, 1);
    }

    private static TrajectoryEntity entity(ResultSet rs, int first) throws SQLException {
        int f = first - 1;
        TrajectoryEntity t = new TrajectoryEntity();
        t.id = rs.getObject(f + 1, UUID.class);
        t.ocmwId = rs.getString(f + 2);
        t.client = new ClientEntity();
        t.client.id = rs.getObject(f + 3, UUID.class);
        t.client.insz = rs.getString(f + 4);
        t.startDate = rs.getObject(f + 5, LocalDate.class);
        t.plannedEndDate = rs.getObject(f + 6, LocalDate.class);
        t.endDate = rs.getObject(f + 7, LocalDate.class);
        t.endReason = rs.getString(f + 8) == null ? null : EndReason.valueOf(rs.getString(f + 8));
        t.endAdvice = rs.getString(f + 9);
        t.atWorkAtMeasurement = rs.getObject(f + 10, Boolean.class);
        t.atWorkWithin12Months = rs.getObject(f + 11, Boolean.class);
        t.pseudonymisedAt = rs.getObject(f + 12, OffsetDateTime.class);
        t.coachId = rs.getObject(f + 13, UUID.class);
        t.registeredBy = rs.getString(f + 14);
        t.onBehalf = rs.getBoolean(f + 15);
        t.externalReference = rs.getString(f + 16);
        t.version = rs.getLong(f + 17);
        t.updatedAt = rs.getObject(f + 18, OffsetDateTime.class);
        return t;
    }

    private static List<InstrumentDates> instruments(Array types, Array starts, Array ends) throws SQLException {
        if (types == null) {
            return List.of();
        }
        // dates as days since 1970: the driver's parsing of date arrays was a tenth of a page's time
        String[] type = (String[]) types.getArray();
        Integer[] start = (Integer[]) starts.getArray();
        Integer[] end = (Integer[]) ends.getArray();
        List<InstrumentDates> instruments = new ArrayList<>(type.length);
        for (int i = 0; i < type.length; i++) {
            instruments.add(new InstrumentDates(type[i], LocalDate.ofEpochDay(start[i]), LocalDate.ofEpochDay(end[i])));
        }
        return instruments;
    }
}
