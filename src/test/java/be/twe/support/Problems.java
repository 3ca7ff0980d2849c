package be.twe.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import be.twe.common.error.ProblemType;

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

    /**
     * The whole answer, where the test is about the problem: the status, and the problem of
     * {@code code} with the catalogue's title and this {@code detail}, about the request to
     * {@code path} (under the base path), nothing else.
     */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code, String detail,
                                              String path) {
        return response.statusCode(status).body("", exactly(status, code, title(code), detail, path));
    }

    /** The same, for a problem with issues: these, in this order. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code, String detail,
                                              String path, List<Map<String, String>> issues) {
        Map<String, Object> members = new HashMap<>(Map.of("type", "urn:problem-type:twe:" + code, "code", code,
                "status", status, "title", title(code), "detail", detail, "instance", Api.BASE + path));
        members.put("issues", issues);
        return response.statusCode(status).body("", exactly(members));
    }

    /** An issue of a problem: where ({@code body}, {@code path}, {@code query}...), which field, what is wrong. */
    public static Map<String, String> issue(String location, String name, String detail) {
        return Map.of("location", location, "name", name, "detail", detail);
    }

    /** The English title the catalogue gives a problem type. */
    public static String title(String code) {
        return Arrays.stream(ProblemType.values()).filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no problem type " + code)).title();
    }

    /**
     * A whole problem body without issues: the problem of {@code code} (its type, the status, the
     * title, the detail) about the request to {@code path} (under the base path), nothing else.
     */
    public static Matcher<Map<String, ?>> exactly(int status, String code, String title, String detail, String path) {
        return exactly(Map.of("type", "urn:problem-type:twe:" + code, "code", code, "status", status, "title", title,
                "detail", detail, "instance", Api.BASE + path));
    }

    /** A whole problem body: these members exactly, plus the request's trace id (32 hex digits). */
    public static Matcher<Map<String, ?>> exactly(Map<String, ?> members) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Map<String, ?> body) {
                Map<String, Object> rest = new HashMap<>(body);
                Object traceId = rest.remove("traceId");
                return traceId instanceof String id && id.matches("[0-9a-f]{32}") && rest.equals(members);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a problem with a traceId and exactly ").appendValue(members);
            }

            @Override
            protected void describeMismatchSafely(Map<String, ?> body, Description description) {
                description.appendText("was ").appendValue(body);
            }
        };
    }
}
