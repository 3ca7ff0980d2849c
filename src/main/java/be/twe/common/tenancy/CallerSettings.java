package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Tells PostgreSQL who is calling, so that its row-level security decides what every statement
 * sees (R__tenancy_policies.sql). Each connection taken from the pool gets the settings of the
 * {@link SystemWork} running on the thread, else of the request's caller, else none, which shows
 * nothing. In a transaction they are the transaction's ({@code set_config(..., true)}): one
 * statement, and gone at its end. A connection taken outside a transaction keeps them for as long
 * as it is taken, and they are cleared when it comes back, so no connection in the pool carries
 * anyone.
 */
@ApplicationScoped
public class CallerSettings implements AgroalPoolInterceptor {
    static final String SET = "select set_config('twe.unrestricted', ?, ?), set_config('twe.organisation', ?, ?),"
            + " set_config('twe.acting_for', ?, ?), set_config('twe.own', ?, ?), set_config('twe.visible', ?, ?)";
    private static final String[] NOBODY = {"", "", "", "", ""};

    /** Set while {@link CallerReads} takes a connection: it sends the settings itself. */
    private static final ThreadLocal<Boolean> BARE = new ThreadLocal<>();

    /** Connections taken outside a transaction whose settings last until they come back. */
    private final Set<PGConnection> lasting = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            if (BARE.get() != null) {
                return;
            }
            boolean transaction = !connection.getAutoCommit();
            String[] values = settings(connection);
            if (values == NOBODY) {
                return; // nothing to clear: a connection in the pool carries no one
            }
            set(connection, values, transaction);
            if (!transaction) {
                lasting.add(connection.unwrap(PGConnection.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database who is calling", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        PGConnection physical = null;
        try {
            physical = connection.unwrap(PGConnection.class);
            if (lasting.remove(physical)) {
                set(connection, NOBODY, false);
            }
        } catch (SQLException e) {
            // a connection that may still carry a caller is never used again: the pool drops it
            if (physical instanceof Connection broken) {
                try {
                    broken.close();
                } catch (SQLException ignored) {
                    // closed or broken already
                }
            }
        }
    }

    private static String[] settings(Connection connection) {
        if (SystemWork.current().isPresent()) {
            return new String[] {"on", "", "", "", ""};
        }
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return NOBODY;
        }
        Caller caller = container.instance(CallerContext.class).get().currentOn(connection);
        return caller == null ? NOBODY : of(caller);
    }

    /** The settings' values for a caller, in the order of {@link #SET}. */
    static String[] of(Caller caller) {
        return new String[] {caller.unrestricted() ? "on" : "", String.valueOf(caller.organisationId()),
                String.join(",", caller.actingFor()), String.join(",", caller.own()),
                String.join(",", caller.visibleOrganisations())};
    }

    /** A connection without settings, for a statement that carries them itself ({@link CallerReads}). */
    static Connection takenBare(AgroalDataSource dataSource) throws SQLException {
        BARE.set(Boolean.TRUE);
        try {
            return dataSource.getConnection();
        } finally {
            BARE.remove();
        }
    }

    /** Binds {@link #SET}'s parameters; returns the index of the next parameter. */
    static int bind(PreparedStatement statement, String[] values, boolean local) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(2 * i + 1, values[i]);
            statement.setBoolean(2 * i + 2, local);
        }
        return 2 * values.length + 1;
    }

    private static void set(Connection connection, String[] values, boolean local) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(SET)) {
            bind(set, values, local);
            set.execute();
        }
    }
}
