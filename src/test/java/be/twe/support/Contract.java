package be.twe.support;

import java.nio.file.Path;

/** The contract the tests hold the API to: the bundle of openapi.yaml that the build makes and /q/openapi serves. */
public final class Contract {
    public static final Path BUNDLE = Path.of("target/openapi/openapi.yaml");
    public static final String LOCATION = BUNDLE.toString();

    private Contract() {
    }
}
