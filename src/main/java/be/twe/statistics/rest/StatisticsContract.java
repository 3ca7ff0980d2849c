package be.twe.statistics.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the served contract says of each statistics call: its summary, the Parliament's questions
 * it answers ({@code x-parliament-questions}) and what each column of its rows means. The
 * spreadsheet's second sheet is written from it, so the contract stays the one place that says so.
 */
@ApplicationScoped
public class StatisticsContract {
    private static final String CONTRACT = "META-INF/openapi.yaml";

    /** One call: its summary, its questions, and each row column's meaning by name. */
    public record Call(String summary, List<String> questions, Map<String, String> columns) {
    }

    private volatile Map<String, Call> calls;

    /** The call at this path of the contract ({@code /statistics/starts}). */
    public Call at(String path) {
        if (calls == null) {
            calls = read();
        }
        Call call = calls.get(path);
        if (call == null) {
            throw new IllegalArgumentException("No statistics call " + path + " in the contract");
        }
        return call;
    }

    private static Map<String, Call> read() {
        JsonNode contract;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONTRACT)) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Call> calls = new LinkedHashMap<>();
        contract.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/statistics/") && !path.getKey().contains("{")) { // a figure, not a file of any
                calls.put(path.getKey(), call(contract, path.getValue().path("get")));
            }
        });
        return Map.copyOf(calls);
    }

    private static Call call(JsonNode contract, JsonNode operation) {
        List<String> questions = new ArrayList<>();
        operation.path("x-parliament-questions").forEach(q -> questions.add(q.asText()));
        JsonNode table = resolve(contract, operation.path("responses").path("200").path("content")
                .path("application/json").path("schema"));
        JsonNode row = resolve(contract, table.path("properties").path("rows").path("items"));
        Map<String, String> columns = new LinkedHashMap<>();
        row.path("properties").fields().forEachRemaining(p -> columns.put(p.getKey(), meaning(contract, p.getValue())));
        return new Call(operation.path("summary").asText(), List.copyOf(questions), columns);
    }

    /** A column's description, or for a code list without one, its values. */
    private static String meaning(JsonNode contract, JsonNode property) {
        JsonNode schema = resolve(contract, property);
        if (schema.hasNonNull("description")) {
            return schema.path("description").asText().strip();
        }
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values.isEmpty() ? "" : "One of " + String.join(", ", values) + ".";
    }

    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : contract.at(ref.asText().substring(1));
    }
}
