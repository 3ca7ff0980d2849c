package be.twe.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The temporary files upload bodies are read into while they arrive (BodySpooler). */
public final class SpoolFiles {
    private SpoolFiles() {
    }

    public static List<Path> present() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("twe-body-")).toList();
        }
    }
}
