package be.twe.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Request builders for tests. */
public final class Api {
    private Api() {
    }

    /** The API's base path: every path a test names is relative to it, as in the contract. */
    public static final String BASE = "/api/v1";

    public static RequestSpecification as(String organisationId, String... roles) {
        return anonymous().header("Authorization", "Bearer " + Tokens.token(organisationId, roles));
    }

    public static RequestSpecification anonymous() {
        return plain().contentType(ContentType.JSON);
    }

    /** A request under the base path with nothing set. */
    public static RequestSpecification plain() {
        return given().basePath(BASE);
    }

    /** A link the API wrote (Location, next), as a path under the base for {@link #as} and {@link #anonymous}. */
    public static String link(String link) {
        return link.replaceFirst("^(https?://[^/]+)?" + BASE, "");
    }

    /**
     * Follows the {@code next} links from {@code path} and collects {@code field} of every item of
     * every page (the items themselves when it is empty).
     */
    public static <T> List<T> allPages(Supplier<RequestSpecification> request, String path, String field) {
        List<T> values = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonPath page = request.get().get(link(next)).then().statusCode(200)
                    .extract().jsonPath();
            values.addAll(page.getList(field.isEmpty() ? "items" : "items." + field));
            next = page.getString("next");
        }
        return values;
    }

    /** Marks a request that breaks the contract on purpose: only its response is validated. */
    public static RequestSpecification invalid(RequestSpecification request) {
        return request.header(ContractValidation.INVALID_REQUEST, "true");
    }
}
