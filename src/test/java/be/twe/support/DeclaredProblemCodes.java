package be.twe.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;

/**
 * The problem codes the contract declares: the common ones every operation may answer
 * ({@code x-common-problem-codes} at the root) and each operation's own ({@code x-problem-codes}).
 * Every problem answer seen in a test must carry a declared code; with the system property
 * {@code problemCodes.record} set, undeclared ones are written to that file instead of failing.
 */
public final class DeclaredProblemCodes {
    public static final String COMMON = "x-common-problem-codes";
    public static final String PER_OPERATION = "x-problem-codes";
    private static final String RECORD = System.getProperty("problemCodes.record");

    private final OpenAPI contract;
    private final ApiOperationResolver operations;

    public DeclaredProblemCodes(OpenAPI contract) {
        this.contract = contract;
        this.operations = new ApiOperationResolver(contract, null, false);
    }

    public static Set<String> codes(Object extension) {
        Set<String> codes = new TreeSet<>();
        if (extension instanceof List<?> list) {
            list.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }

    public Set<String> common() {
        return codes(contract.getExtensions() == null ? null : contract.getExtensions().get(COMMON));
    }

    public static Set<String> of(Operation operation) {
        return codes(operation.getExtensions() == null ? null : operation.getExtensions().get(PER_OPERATION));
    }

    /** Fails when {@code response} is a problem whose code the matched operation does not declare. */
    public void check(String method, String uri, Response response) {
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return;
        }
        String code = JsonPath.from(response.asString()).getString("code");
        ApiOperationMatch match = operations.findApiOperation(URI.create(uri).getRawPath(),
                Request.Method.valueOf(method.toUpperCase()));
        if (!match.isPathFound() || !match.isOperationAllowed() || common().contains(code)) {
            return;
        }
        Operation operation = match.getApiOperation().getOperation();
        if (of(operation).contains(code)) {
            return;
        }
        String line = operation.getOperationId() + " " + code;
        if (RECORD == null) {
            throw new AssertionError(response.getStatusCode() + " " + code + " from " + method + " " + uri
                    + " is not in the x-problem-codes of " + operation.getOperationId() + " in the contract (src/main/openapi/paths/)");
        }
        try {
            Files.writeString(Path.of(RECORD), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
