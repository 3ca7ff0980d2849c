package be.twe.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/** Installs {@link ContractValidation} for every @QuarkusTest class, so no test can forget it. */
public class InstallContractValidation implements QuarkusTestBeforeClassCallback {
    private static final ContractValidation FILTER = new ContractValidation();

    @Override
    public void beforeClass(Class<?> testClass) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
