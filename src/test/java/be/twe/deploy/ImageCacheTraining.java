package be.twe.deploy;

import static be.twe.support.ContainerRoot.run;
import static be.twe.support.JsonCalls.call;
import static be.twe.support.JsonCalls.created;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import be.twe.support.AppInstance;
import be.twe.support.ContainerRoot;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Records the image's ahead-of-time cache (ADR 0045), a step of the build between the application's
 * packaging and the image's: the image's runtime and application laid out as the image lays them
 * out ({@code /opt/java}, {@code /work}, every file dated as Jib dates it), started there against an
 * embedded PostgreSQL, sent the requests of a first day, and stopped; the JVM writes the cache as it
 * exits. A cache fits only the files it was recorded on, so it is recorded on these, and
 * ContainerImageIT starts the image with {@code -XX:AOTMode=on}, which refuses a cache that does
 * not fit. It lives with the tests because it runs the application as they do.
 *
 * <p>Arguments: the runtime's tree (runtime.sh's output), {@code target/quarkus-app}, the cache file to write.
 */
public final class ImageCacheTraining {
    /** The image's entrypoint (pom.xml) without its {@code -XX:AOTCache}, recording instead. */
    static final List<String> ENTRYPOINT = List.of("/opt/java/bin/java", "-XX:AOTCacheOutput=/tmp/app.aot",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/work/quarkus-run.jar");
    /** Jib's date for every file of a layer (its default, EPOCH_PLUS_SECOND); the cache checks jars' dates. */
    private static final String JIB_FILE_TIME = "@1";
    private static final String OCMW = "ocmw-44021";

    private ImageCacheTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path runtime = Path.of(args[0]);
        Path application = Path.of(args[1]);
        Path cache = Path.of(args[2]);
        Path root = Files.createTempDirectory("twe-image-training-");
        Path tmp = Files.createTempDirectory("twe-image-training-tmp-");
        try {
            run("cp", "-a", runtime + "/.", root.toString());
            run("cp", "-a", application + "/.", root.resolve("work").toString());
            run("find", root.toString(), "-exec", "touch", "-h", "-d", JIB_FILE_TIME, "{}", "+");
            run("chmod", "1777", tmp.toString());
            record(root, tmp);
            Files.createDirectories(cache.getParent());
            Files.copy(tmp.resolve("app.aot"), cache, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("ImageCacheTraining: %s, %d MB%n", cache, Files.size(cache) >> 20);
        } finally {
            run("rm", "-rf", root.toString(), tmp.toString());
        }
    }

    private static void record(Path root, Path tmp) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            AppInstance api = AppInstance.container(ContainerRoot.command(root, "185:185", tmp, ENTRYPOINT),
                    Map.of("JAVA_HOME", "/opt/java", "PATH", "/opt/java/bin"), url, Map.of("MALLOC_ARENA_MAX", "2"));
            try {
                firstDay(api, url);
            } finally {
                int exit = api.stop(Duration.ofMinutes(5)); // the cache is written as the JVM exits
                if (!Files.exists(tmp.resolve("app.aot"))) {
                    throw new IllegalStateException("No cache written (exit " + exit + "):\n" + api.log());
                }
            }
        }
    }

    /**
     * What an OCMW does on its first day, each answer checked: its agreement (in the database), its
     * coach, their training, a trajectory, an instrument, reads. ContainerImageIT sends it too.
     */
    static void firstDay(AppInstance api, String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().executeUpdate("insert into partner_agreement (organisation_id, signed_on) values ('"
                    + OCMW + "', date '2017-01-01')");
        }
        String admin = Tokens.token(OCMW, "admin");
        String coachToken = Tokens.token(OCMW, "coach");
        String coach = created(call("POST", api.url("/organisations/" + OCMW + "/coaches"), admin,
                Map.of("name", "Coach of the training start")));
        expect(201, call("POST", api.url("/training-sessions"), Tokens.token("vdab", "trainer"), Map.of(
                "heldOn", "2024-01-10", "title", "Registratieopleiding", "coachIds", List.of(coach))).statusCode());
        String trajectory = created(call("POST", api.url("/trajectories"), coachToken,
                Map.of("ocmwId", OCMW, "clientInsz", TestData.newInsz(), "startDate", "2024-01-01", "coachId", coach)));
        expect(201, call("POST", api.url("/trajectories/" + trajectory + "/instruments"), coachToken, Map.of(
                "type", "WES", "startDate", "2024-03-01", "plannedEndDate", "2024-06-30", "coachId", coach,
                "employer", "Stad Gent")).statusCode());
        for (int i = 0; i < 20; i++) {
            expect(200, call("GET", api.url("/trajectories/" + trajectory), coachToken, null).statusCode());
            expect(200, call("GET", api.url("/trajectories?ocmwId=" + OCMW), coachToken, null).statusCode());
        }
    }

    private static void expect(int status, int actual) {
        if (actual != status) {
            throw new AssertionError("The application answered " + actual + " where " + status + " was expected");
        }
    }
}
