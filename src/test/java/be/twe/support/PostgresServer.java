package be.twe.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * Stops and starts the PostgreSQL server the tests run on, as a crash and an operator would: a hard
 * stop (SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, crash recovery
 * at the next start), then a start of the same binary with the same data directory and options,
 * read from the running postmaster (Linux {@code /proc}). PostgreSQL refuses to run as root, which
 * CI machines are: as the embedded PostgreSQL library does, it then runs in a user namespace of its
 * own ({@code unshare -U}).
 */
public final class PostgresServer {
    private final Path dataDirectory;
    private final List<String> command;
    private final int port;

    private PostgresServer(Path dataDirectory, List<String> command, int port) {
        this.dataDirectory = dataDirectory;
        this.command = command;
        this.port = port;
    }

    /** The server of the tests' database (its settings are the superuser's to read). */
    public static PostgresServer ofTheTests() throws SQLException, IOException {
        Path dataDirectory;
        int port;
        try (Connection c = DatabaseOwner.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('data_directory'), current_setting('port')")) {
            rs.next();
            dataDirectory = Path.of(rs.getString(1));
            port = Integer.parseInt(rs.getString(2));
        }
        long pid = postmaster(dataDirectory);
        List<String> command = new ArrayList<>(Arrays.asList(new String(Files.readAllBytes(
                Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).split("\0")));
        command.set(0, Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString());
        return new PostgresServer(dataDirectory, command, port);
    }

    public void stopHard() throws IOException, InterruptedException {
        long pid = postmaster(dataDirectory);
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("Cannot signal the postmaster " + pid);
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    public void start() throws IOException, InterruptedException {
        List<String> run = new ArrayList<>(command);
        if ("root".equals(System.getProperty("user.name"))) {
            run.addAll(0, List.of("unshare", "-U"));
        }
        Process postmaster = new ProcessBuilder(run).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("restart.log").toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(postmaster::destroy)); // SIGTERM: smart shutdown
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!accepting()) {
            if (!postmaster.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL did not start again: " + command + "\n"
                        + Files.readString(dataDirectory.resolve("restart.log")));
            }
            Thread.sleep(50);
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long postmaster(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }
}
