package be.twe.support;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** Assertions on problem+json answers. */
public final class Problems {
    private Problems() {
    }

    /** The HTTP status, and the problem's status, code and type (the code as a URN). */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).body("status", equalTo(status)).body("code", equalTo(code))
                .body("type", equalTo("urn:problem-type:twe:" + code));
    }
}
