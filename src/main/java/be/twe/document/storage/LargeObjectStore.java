package be.twe.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Content as PostgreSQL large objects, written and read in chunks. They are created in the
 * request's transaction (the connection Hibernate uses too), so a rollback removes them: a failed
 * upload leaves no orphan content. See docs/design/document-uploads.md.
 */
@ApplicationScoped
public class LargeObjectStore implements DocumentStore {
    static final String PREFIX = "pg-lo:";
    private static final int CHUNK = 64 * 1024;

    @Inject
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String store(InputStream content) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            LargeObjectManager objects = objects(connection);
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE)) {
                byte[] chunk = new byte[CHUNK];
                for (int n = content.readNBytes(chunk, 0, CHUNK); n > 0; n = content.readNBytes(chunk, 0, CHUNK)) {
                    object.write(chunk, 0, n);
                }
            }
            return PREFIX + oid;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write a large object", e);
        }
    }

    @Override
    public void copyTo(String key, OutputStream out) throws IOException {
        long oid = Long.parseLong(key.substring(PREFIX.length()));
        try {
            // large objects are only readable inside a transaction
            QuarkusTransaction.requiringNew().run(() -> read(oid, out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void read(long oid, OutputStream out) {
        try (Connection connection = dataSource.getConnection();
             LargeObject object = objects(connection).open(oid, LargeObjectManager.READ)) {
            byte[] chunk = new byte[CHUNK];
            for (int n = object.read(chunk, 0, CHUNK); n > 0; n = object.read(chunk, 0, CHUNK)) {
                out.write(chunk, 0, n);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a large object", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String key) {
        // an object already gone is no error: one missing object must not hold up retention for good
        try (Connection connection = dataSource.getConnection(); PreparedStatement unlink = connection.prepareStatement(
                "select lo_unlink(oid) from pg_largeobject_metadata where oid = ?")) {
            unlink.setLong(1, Long.parseLong(key.substring(PREFIX.length())));
            unlink.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase a large object", e);
        }
    }

    /** Within a transaction, closing the pooled connection keeps it for the transaction; its end releases it. */
    private static LargeObjectManager objects(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getLargeObjectAPI();
    }
}
