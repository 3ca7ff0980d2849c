package be.twe.common.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the served contract says of a path: its methods, and per method the media types it takes
 * and answers. The framework's 405, 406 and 415 know none of it; their problems tell it from here.
 */
@ApplicationScoped
public class ContractIndex {
    /** The served contract on the class path: the bundle of openapi.yaml (ADR 0016). */
    public static final String CONTRACT = "META-INF/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation: the media types of its request body and of its successful answers. */
    public record Operation(Set<String> consumes, Set<String> produces) {
    }

    /** A path template with its operations by upper-case method. */
    public record PathOperations(String template, Map<String, Operation> byMethod) {
    }

    private record Entry(Pattern pattern, int literals, PathOperations operations) {
    }

    private volatile List<Entry> entries;

    /** The path template that matches best (most literal segments), if any. */
    public Optional<PathOperations> find(String path) {
        return entries().stream().filter(e -> e.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Entry::literals)).map(Entry::operations);
    }

    private List<Entry> entries() {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    private static List<Entry> read() {
        JsonNode contract;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONTRACT)) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> {
            Map<String, Operation> byMethod = new TreeMap<>();
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    byMethod.put(method.getKey().toUpperCase(), operation(contract, method.getValue()));
                }
            });
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            int literals = (int) Pattern.compile("/[^/{]+(?=/|$)").matcher(template).results().count();
            entries.add(new Entry(Pattern.compile(regex), literals, new PathOperations(template, byMethod)));
        });
        return List.copyOf(entries);
    }

    private static Operation operation(JsonNode contract, JsonNode operation) {
        Set<String> consumes = new TreeSet<>();
        resolve(contract, operation.path("requestBody")).path("content").fieldNames().forEachRemaining(consumes::add);
        Set<String> produces = new TreeSet<>();
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                resolve(contract, response.getValue()).path("content").fieldNames().forEachRemaining(produces::add);
            }
        });
        return new Operation(consumes, produces);
    }

    /** A local {@code $ref} ({@code #/components/...}) followed to its target. */
    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : contract.at(ref.asText().substring(1));
    }
}
