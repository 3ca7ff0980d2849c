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

    public static RequestSpecification as(String organisationId, String... roles) {
        return given().header("Authorization", "Bearer " + Tokens.token(organisationId, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /**
     * Follows the {@code next} links from {@code path} and collects {@code field} of every item of
     * every page (the items themselves when it is empty).
     */
    public static <T> List<T> allPages(Supplier<RequestSpecification> request, String path, String field) {
        List<T> values = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonPath page = request.get().get(next.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
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
