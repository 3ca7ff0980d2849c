package be.twe.trajectory.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.TransactionStatements;
import be.twe.trajectory.persistence.TrajectoryRepository;
import be.twe.trajectory.persistence.TrajectoryRows;

/**
 * The reads of trajectories, which integrators poll most: one round trip and no transaction, so
 * not {@code @Transactional} like the services that write (issue 30). Row-level security decides
 * what the caller sees, as for every other read.
 */
@ApplicationScoped
public class TrajectoryReads {
    @Inject
    TrajectoryRows rows;

    /** A trajectory the caller may see, or 404. */
    public TrajectoryView get(UUID id) {
        return view(rows.one(id).orElseThrow(() -> new NotFoundProblem("trajectory", id.toString())));
    }

    /** A page of the trajectories the caller may see, by id. */
    public Slice<TrajectoryView> list(TrajectoryRepository.Criteria criteria, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 1);
        UUID afterId = after.isEmpty() ? null : Cursor.uuid(after.get(0));
        return Slice.of(rows.page(criteria, afterId, limit + 1), limit,
                r -> Cursor.encode(r.trajectory().id.toString())).map(TrajectoryReads::view);
    }

    /** The trajectories among {@code ids} the caller may see, as {@link #get} shows them, by id. */
    public Map<UUID, TrajectoryView> visible(Collection<UUID> ids) {
        Map<UUID, TrajectoryView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            rows.some(ids).forEach(r -> views.put(r.trajectory().id, view(r)));
        }
        return views;
    }

    /** Takes a row of a source and the trajectory it names as {@link #get} shows it, or null when the caller may see none. */
    public interface ViewHandler {
        void handle(ResultSet source, TrajectoryView trajectory) throws SQLException;
    }

    /**
     * Every row of {@code source} (a select with a {@code trajectory_id} column) with the trajectory
     * it names, in the order of its column {@code order}, in one statement read from a cursor
     * inside the current transaction: an export's one pass (issue 31).
     */
    public void alongside(TransactionStatements.Source source, String order, ViewHandler handler) {
        rows.alongside(source, order, (rs, row) -> handler.handle(rs, row == null ? null : view(row)));
    }

    private static TrajectoryView view(TrajectoryRows.Row row) {
        return new TrajectoryView(row.trajectory(), InstrumentYears.of(row.trajectory(), row.instruments()));
    }
}
