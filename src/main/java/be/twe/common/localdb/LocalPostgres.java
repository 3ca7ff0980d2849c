package be.twe.common.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL once per JVM. The URL is kept in a system property because
 * Quarkus reads configuration from more than one class loader (build step, dev-mode restarts).
 * Local runs keep their data in ~/.twe-ocmw/postgres on a fixed port; tests get a fresh
 * database on a free port.
 */
final class LocalPostgres {
    /** The superuser, which owns the tables and migrates them. */
    static final String OWNER = "postgres";
    /** The application's role: no superuser, owns nothing, cannot bypass row-level security. */
    static final String APPLICATION = "twe_app";
    private static final String URL_PROPERTY = "twe.embedded-postgres.url";
    private static final int LOCAL_PORT = Integer.getInteger("twe.embedded-postgres.port", 54329);

    private LocalPostgres() {
    }

    static synchronized String jdbcUrl(boolean fresh) {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = fresh ? startFresh() : startLocal();
            createApplicationRole(url);
            System.setProperty(URL_PROPERTY, url);
        }
        return url;
    }

    private static String startFresh() {
        try {
            Path dir = Files.createTempDirectory("twe-test-postgres");
            return start(dir, freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String startLocal() {
        String url = "jdbc:postgresql://localhost:" + LOCAL_PORT + "/postgres";
        if (listening(LOCAL_PORT)) {
            return url; // still running from an earlier start in this session (dev-mode restart)
        }
        Path dir = Path.of(System.getProperty("user.home"), ".twe-ocmw", "postgres");
        return start(dir, LOCAL_PORT, false);
    }

    private static String start(Path dataDirectory, int port, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // the library's default (off) acknowledges commits that a crash of PostgreSQL
                    // loses; with its fsync off, on costs only a write to the operating system
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return "jdbc:postgresql://localhost:" + port + "/postgres"; // no user in it: it would win over the role
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void createApplicationRole(String url) {
        try (Connection c = DriverManager.getConnection(url, OWNER, "postgres"); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION
                    + "') then create role " + APPLICATION + " login nosuperuser nobypassrls; end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the application's role in the embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is stopping; nothing more to do
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
