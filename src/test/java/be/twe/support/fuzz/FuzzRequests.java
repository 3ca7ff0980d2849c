package be.twe.support.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.TestFiles;

/**
 * Requests for the contract's operations: parameters and bodies from their schemas, each part
 * valid or mutated at random (most requests break one thing), with one of the given callers'
 * Authorization headers, and now and then a wrong method, media type or a raw broken body.
 */
public final class FuzzRequests {
    public record Operation(String id, String method, String path, JsonNode definition) {
    }

    public record FuzzRequest(String operationId, String method, String uri, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            Map<String, String> shownHeaders = new LinkedHashMap<>(headers);
            shownHeaders.computeIfPresent("Authorization", (name, value) -> value.length() > 40
                    ? value.substring(0, 40) + "..." : value);
            return method + " " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri) + " " + shownHeaders
                    + " " + shown;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/csv", "application/xml",
            "", "???", "text/html;q=0.1", "application/problem+json", "application/x-ndjson");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    private final JsonNode root;
    private final Random random;
    private final SchemaValues values;
    private final List<String> authorizations;

    public FuzzRequests(JsonNode root, Random random, Map<String, List<String>> ids, List<String> authorizations) {
        this.root = root;
        this.random = random;
        this.values = new SchemaValues(root, random, ids);
        this.authorizations = authorizations;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("operationId")) {
                    operations.add(new Operation(op.getValue().get("operationId").asText(),
                            op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    public FuzzRequest next(Operation operation) {
        String path = operation.path();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode reference : operation.definition().path("parameters")) {
            JsonNode parameter = values.resolve(reference);
            String name = parameter.get("name").asText();
            String value = parameterValue(parameter, name);
            switch (parameter.get("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", encode(value == null ? "x" : value));
                case "query" -> {
                    if (value != null && (parameter.path("required").asBoolean() || random.nextBoolean())) {
                        query.put(name, value);
                    }
                }
                case "header" -> {
                    if (value != null && random.nextBoolean()) {
                        headers.put(name, headerSafe(value));
                    }
                }
                default -> { }
            }
        }
        if (random.nextInt(20) == 0) {
            query.put("unknown" + random.nextInt(5), "1");
        }
        String authorization = values.pick(authorizations);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (random.nextInt(4) == 0) {
            headers.put("Accept", values.pick(ACCEPTS));
        }
        byte[] body = null;
        JsonNode content = values.resolve(operation.definition().path("requestBody")).path("content");
        if (!content.isMissingNode()) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String type = values.pick(types);
            headers.put("Content-Type", random.nextInt(15) == 0 ? values.pick(List.of("text/plain", "", "application/json;"
                    + "charset=ebcdic", "multipart/form-data", "application/json")) : type);
            body = body(type, content.path(type).path("schema"));
        }
        String method = random.nextInt(25) == 0 ? values.pick(METHODS) : operation.method();
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            separator = "&";
        }
        return new FuzzRequest(operation.id(), method, uri.toString(), headers, body);
    }

    private String parameterValue(JsonNode parameter, String name) {
        JsonNode schema = values.resolve(parameter.path("schema"));
        if (random.nextInt(4) != 0) {
            JsonNode valid = values.valid(schema, name, 0);
            if (valid.isArray()) {
                List<String> parts = new ArrayList<>();
                valid.forEach(v -> parts.add(v.asText()));
                return String.join(",", parts);
            }
            return valid.isNull() ? null : valid.asText();
        }
        JsonNode nasty = values.nasty(schema);
        return nasty.isNull() ? null : nasty.isValueNode() ? nasty.asText() : nasty.toString();
    }

    private byte[] body(String type, JsonNode schema) {
        if (type.contains("json") && !type.contains("ndjson")) {
            return switch (random.nextInt(12)) {
                case 0 -> "{\"unterminated\": ".getBytes(StandardCharsets.UTF_8);
                case 1 -> new byte[0];
                case 2 -> "null".getBytes(StandardCharsets.UTF_8);
                case 3 -> json(values.nasty(schema));
                case 4, 5, 6 -> json(values.valid(schema, null, 0));
                default -> json(values.mutate(values.valid(schema, null, 0), schema));
            };
        }
        if (type.contains("ndjson")) {
            StringBuilder lines = new StringBuilder();
            JsonNode line = values.resolve(schema.path("x-line-schema"));
            for (int i = random.nextInt(4); i >= 0; i--) {
                lines.append(random.nextInt(3) == 0 ? "{\"operation\": \"createTrajectory\", \"body\": {}}"
                        : random.nextInt(3) == 0 ? "not json" : new String(json(values.valid(line, null, 0)),
                        StandardCharsets.UTF_8)).append('\n');
            }
            return lines.toString().getBytes(StandardCharsets.UTF_8);
        }
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8);
            default -> TestFiles.pdf();
        };
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTTP clients refuse CR, LF and NUL in header values; other hostile text stays. */
    private static String headerSafe(String value) {
        return value.replaceAll("[\\r\\n\\x00]", "").replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
