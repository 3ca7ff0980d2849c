package be.twe.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production artifact ({@code target/quarkus-app}) run as a process of its own, configured
 * only by environment variables as the README says: verifying tokens with the issuer given as
 * {@code QUARKUS_OIDC_AUTH_SERVER_URL}, or else with the development key so that {@link Tokens}
 * are accepted. Stopping it sends SIGTERM, as an orchestrator does.
 */
public final class AppInstance implements AutoCloseable {
    /** The public half of src/dev/dev-signing-key.pem: the test profile's verification key. */
    private static final String DEV_PUBLIC_KEY = testProfileKey();

    private final Process process;
    private final Path log;
    public final int port;

    static final String APPLICATION_ROLE = "twe_app";

    private AppInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static AppInstance start(String jdbcUrl, Map<String, String> settings) throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/quarkus-app/quarkus-run.jar");
        return launch(java, null, jdbcUrl, settings);
    }

    /**
     * A container's command: run with the given environment only (the image's), as a container
     * runtime does, instead of inheriting this JVM's.
     */
    public static AppInstance container(List<String> command, Map<String, String> imageEnvironment,
            String jdbcUrl, Map<String, String> settings) throws Exception {
        return launch(command, imageEnvironment, jdbcUrl, settings);
    }

    private static AppInstance launch(List<String> command, Map<String, String> baseEnvironment, String jdbcUrl,
            Map<String, String> settings) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("twe-instance-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        if (baseEnvironment != null) {
            env.clear();
            env.putAll(baseEnvironment);
        }
        createApplicationRole(jdbcUrl);
        // the two roles of ADR 0033, as an operator sets them; a user in the URL would win over both
        env.putAll(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl.replaceFirst("\\?.*", ""),
                "QUARKUS_DATASOURCE_USERNAME", APPLICATION_ROLE, "QUARKUS_DATASOURCE_PASSWORD", APPLICATION_ROLE,
                "QUARKUS_FLYWAY_USERNAME", "postgres", "QUARKUS_FLYWAY_PASSWORD", "postgres",
                "QUARKUS_HTTP_PORT", Integer.toString(port), "QUARKUS_HTTP_HOST", "127.0.0.1"));
        if (!settings.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL")) { // no issuer given: the development key
            env.putAll(Map.of("QUARKUS_OIDC_PUBLIC_KEY", DEV_PUBLIC_KEY, "QUARKUS_OIDC_TOKEN_ISSUER", Tokens.DEV_ISSUER));
        }
        env.putAll(new HashMap<>(settings));
        AppInstance instance = new AppInstance(builder.start(), log, port);
        instance.awaitReady(Duration.ofSeconds(90));
        return instance;
    }

    /** The application's role on a server of a test's own: no superuser, no BYPASSRLS, owns nothing. */
    static void createApplicationRole(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
                    + "') then create role " + APPLICATION_ROLE + " login password '" + APPLICATION_ROLE
                    + "' nosuperuser nobypassrls; end if; end $$");
        }
    }

    /** The address of an API path (relative to the base path, as in the contract) or of a {@code /q/} path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + (path.startsWith("/q/") ? "" : Api.BASE) + path;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, then waits for the process to end; returns its exit code. */
    public int stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(40));
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The instance stopped while starting:\n" + log());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The instance was not ready within " + timeout + ":\n" + log());
    }

    private static String testProfileKey() {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("%test.quarkus.oidc.public-key");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
