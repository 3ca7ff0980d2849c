package be.twe.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request builders for tests. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String organisationId, String... roles) {
        return given().header("Authorization", "Bearer " + Tokens.token(organisationId, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** Marks a request that breaks the contract on purpose: only its response is validated. */
    public static RequestSpecification invalid(RequestSpecification request) {
        return request.header(ContractValidation.INVALID_REQUEST, "true");
    }
}
