import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Bundles the split contract (ADR 0016) into one file, run by the build as a single-file program:
 * {@code java -cp <jackson> BundleContract.java openapi.yaml target/openapi/openapi.yaml}.
 *
 * The root names each path item in a file ({@code $ref: 'x.yaml#/paths/~1trajectories'}); the
 * files name components in other files ({@code $ref: 'schemas.yaml#/components/schemas/Trajectory'}).
 * The bundle inlines the path items and turns every component reference into a local one, with
 * the component under the root's {@code components}: the result is the contract as one document,
 * with the same names, so nothing generated from it changes. Two components of one name from
 * different files stop the build.
 */
public final class BundleContract {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
    private final Map<Path, JsonNode> files = new HashMap<>();
    private final Map<String, Path> origins = new HashMap<>();
    private ObjectNode components;

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]);
        String bundle = new BundleContract().bundle(root);
        if (!Files.exists(target) || !Files.readString(target).equals(bundle)) { // unchanged: generation is skipped
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, bundle);
        }
    }

    private String bundle(Path root) throws IOException {
        ObjectNode contract = (ObjectNode) read(root).deepCopy();
        components = contract.has("components") ? (ObjectNode) contract.get("components") : contract.putObject("components");
        ObjectNode paths = (ObjectNode) contract.get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            path.setValue(resolve(path.getValue(), root));
        }
        contract.remove("components");
        contract.set("components", components); // components last, as in a hand-written contract
        return yaml.writeValueAsString(contract);
    }

    /** The node with its references made local, a path item reference replaced by the item itself. */
    private JsonNode resolve(JsonNode node, Path file) throws IOException {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), file));
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode ref = object.get("$ref");
        if (ref != null && ref.isTextual()) {
            String[] parts = ref.asText().split("#", 2);
            Path target = parts[0].isEmpty() ? file : file.resolveSibling(parts[0]).normalize();
            String pointer = parts[1];
            if (pointer.startsWith("/paths/")) {
                return resolve(read(target).at(pointer).deepCopy(), target);
            }
            String[] segments = pointer.split("/"); // "", "components", kind, name
            if (segments.length != 4 || !"components".equals(segments[1])) {
                throw new IllegalArgumentException("Unsupported $ref '" + ref.asText() + "' in " + file);
            }
            include(target, segments[2], segments[3]);
            object.put("$ref", "#/components/" + segments[2] + "/" + segments[3]);
            return object;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            field.setValue(resolve(field.getValue(), file));
        }
        return object;
    }

    private void include(Path file, String kind, String name) throws IOException {
        String key = kind + "/" + name;
        Path origin = origins.putIfAbsent(key, file);
        if (origin != null) {
            if (!origin.equals(file)) {
                throw new IllegalArgumentException("Component " + key + " is defined in " + origin + " and in " + file);
            }
            return;
        }
        JsonNode definition = read(file).at("/components/" + kind + "/" + name);
        if (definition.isMissingNode()) {
            throw new IllegalArgumentException("No component " + key + " in " + file);
        }
        ObjectNode byKind = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
        byKind.set(name, resolve(definition.deepCopy(), file));
    }

    private JsonNode read(Path file) throws IOException {
        JsonNode tree = files.get(file);
        if (tree == null) {
            tree = yaml.readTree(file.toFile());
            files.put(file, tree);
        }
        return tree;
    }
}
