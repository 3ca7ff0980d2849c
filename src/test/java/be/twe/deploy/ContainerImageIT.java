package be.twe.deploy;

import static be.twe.support.ContainerRoot.run;
import static be.twe.support.JsonCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.AppInstance;
import be.twe.support.ContainerRoot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The image tarball the build makes (ADR 0022), run as a container runtime runs it, without one:
 * its layers unpacked in order into a root file system, mounted read-only with a tmpfs on /tmp
 * (the Kubernetes manifest's emptyDir), /proc and /dev given, and its entrypoint started there as
 * its user with only its own environment plus the operator's variables. It must become ready,
 * migrate an empty database and serve audited writes.
 */
class ContainerImageIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path IMAGE = Path.of(System.getProperty("image.tar", "target/twe-ocmw-api-image.tar"));
    static JsonNode config;
    static Path unpacked;
    static EmbeddedPostgres postgres;
    static AppInstance api;
    static String url;

    @BeforeAll
    static void unpackAndStart() throws Exception {
        unpacked = Files.createTempDirectory("twe-image-");
        Path image = unpacked.resolve("image");
        Path root = unpacked.resolve("rootfs");
        Files.createDirectories(image);
        Files.createDirectories(root);
        run("tar", "-xf", IMAGE.toString(), "-C", image.toString());
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(image.resolve(manifest.get("Config").asText()).toFile());
        for (JsonNode layer : manifest.get("Layers")) {
            run("tar", "-xzf", image.resolve(layer.asText()).toString(), "-C", root.toString());
        }
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        // the manifests' options, which the image's runtime takes; and the JVM's refusal to start
        // where the image's ahead-of-time cache does not fit its files (without it, a start on them)
        api = AppInstance.container(containerCommand(root), imageEnvironment(), url,
                Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60 -XX:TrimNativeHeapInterval=5000 "
                        + "-XX:+ExitOnOutOfMemoryError -XX:AOTMode=on", "MALLOC_ARENA_MAX", "2"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {api, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (unpacked != null) {
            run("rm", "-rf", unpacked.toString());
        }
    }

    @Test
    void theImageRunsAsANonRootUserWithoutSecretsAndStartsTheApplicationWithTheCacheRecordedForIt() {
        JsonNode container = config.get("config");
        assertEquals("185:185", container.get("User").asText());
        assertEquals("/opt/java/bin/java", container.get("Entrypoint").get(0).asText());
        assertEquals("/work/quarkus-run.jar", container.get("Entrypoint").get(container.get("Entrypoint").size() - 1)
                .asText());
        assertTrue(container.get("ExposedPorts").has("8080/tcp"));
        container.get("Env").forEach(variable -> assertFalse(variable.asText().matches("(?i).*(password|secret).*"),
                variable.asText()));
        assertEquals(5, config.get("rootfs").get("diff_ids").size(),
                "runtime, empty directories, libraries, app, ahead-of-time cache");
        List<String> entrypoint = new ArrayList<>();
        container.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertTrue(entrypoint.remove("-XX:AOTCache=/work/app.aot"), entrypoint.toString());
        List<String> recording = new ArrayList<>(ImageCacheTraining.ENTRYPOINT);
        assertTrue(recording.remove("-XX:AOTCacheOutput=/tmp/app.aot"), recording.toString());
        assertEquals(entrypoint, recording, "the cache is recorded with the entrypoint's other arguments");
    }

    @Test
    void onAReadOnlyRootFilesystemItMigratesAndServesAuditedWrites() throws Exception {
        ImageCacheTraining.firstDay(api, url); // the writes and reads the cache was recorded with, each answer checked
        assertEquals(200, call("GET", api.url("/q/health/ready"), null, null).statusCode());
        assertFalse(api.log().contains("Read-only file system"), api.log());
    }

    private static List<String> containerCommand(Path root) {
        List<String> entrypoint = new ArrayList<>();
        config.get("config").get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        return ContainerRoot.command(root, config.get("config").get("User").asText(), null, entrypoint);
    }

    private static Map<String, String> imageEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        config.get("config").get("Env").forEach(variable -> {
            String[] pair = variable.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        return env;
    }
}
