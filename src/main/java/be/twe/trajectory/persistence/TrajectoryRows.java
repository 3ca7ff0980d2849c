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
    static final String COLUMNS = """
            t.id, t.ocmw_id, t.client_id, (select c.insz from client c where c.id = t.client_id), t.start_date,
            t.planned_end_date, t.end_date, t.end_reason, t.end_advice, t.at_work_at_measurement,
            t.at_work_within_12_months, t.pseudonymised_at, t.coach_id,
            t.registered_by, t.on_behalf, t.external_reference, t.version, t.updated_at""";
    private static final String SELECT = "select " + COLUMNS + """
            , i.types, i.starts, i.ends
            from trajectory t
            left join lateral (select array_agg(type) as types, array_agg(start_date - date '1970-01-01') as starts,
                                      array_agg(coalesce(end_date, planned_end_date) - date '1970-01-01') as ends
                               -- sorted once for the three lists, which stay aligned
                               from (select type, start_date, end_date, planned_end_date from instrument
                                     where trajectory_id = t.id order by start_date) o) i on true
            """;

    public record Row(TrajectoryEntity trajectory, List<InstrumentDates> instruments) {
    }

    @Inject
    CallerReads reads;

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
        return new Row(entity(rs), instruments(rs.getArray(19), rs.getArray(20), rs.getArray(21)));
    }

    static TrajectoryEntity entity(ResultSet rs) throws SQLException {
        TrajectoryEntity t = new TrajectoryEntity();
        t.id = rs.getObject(1, UUID.class);
        t.ocmwId = rs.getString(2);
        t.client = new ClientEntity();
        t.client.id = rs.getObject(3, UUID.class);
        t.client.insz = rs.getString(4);
        t.startDate = rs.getObject(5, LocalDate.class);
        t.plannedEndDate = rs.getObject(6, LocalDate.class);
        t.endDate = rs.getObject(7, LocalDate.class);
        t.endReason = rs.getString(8) == null ? null : EndReason.valueOf(rs.getString(8));
        t.endAdvice = rs.getString(9);
        t.atWorkAtMeasurement = rs.getObject(10, Boolean.class);
        t.atWorkWithin12Months = rs.getObject(11, Boolean.class);
        t.pseudonymisedAt = rs.getObject(12, OffsetDateTime.class);
        t.coachId = rs.getObject(13, UUID.class);
        t.registeredBy = rs.getString(14);
        t.onBehalf = rs.getBoolean(15);
        t.externalReference = rs.getString(16);
        t.version = rs.getLong(17);
        t.updatedAt = rs.getObject(18, OffsetDateTime.class);
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
