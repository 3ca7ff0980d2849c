package be.twe.support.fuzz;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for the contract's schemas: mostly valid ones (the schema's example, an enum constant, a
 * plausible date, a fixture id), and mutations of them that a careless or hostile client sends:
 * missing and unknown fields, wrong types, nulls, extremes, control characters, deep nesting.
 */
public final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NASTY_TEXT = List.of("", " ", "\u0000", "a\u0000b", "\u202Etxt.exe", "😀",
            "' or '1'='1", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "%00", "../../etc/passwd",
            "\\u0000", "null", "-1", "9".repeat(40), "x".repeat(3_000), "\r\n\tHeader: injected");
    private static final List<String> NASTY_DATES = List.of("2024-02-30", "2024-13-01", "0000-01-01", "9999-12-31",
            "-999999999-01-01", "+999999999-12-31", "2024-1-1", "20240101", "2024-01-01T00:00:00Z", "yesterday", "");

    private final JsonNode root;
    private final Random random;
    private final Map<String, List<String>> ids;

    public SchemaValues(JsonNode root, Random random, Map<String, List<String>> ids) {
        this.root = root;
        this.random = random;
        this.ids = ids;
    }

    public JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** A value the schema allows (as far as a generator without regular expressions can tell). */
    public JsonNode valid(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        if (schema == null || depth > 6) {
            return NODES.nullNode();
        }
        // examples of scalars only, and never for fixture-backed names: an example INSZ registered
        // here would collide with tests that use the contract's example themselves
        if (schema.has("example") && schema.get("example").isValueNode() && (name == null || !ids.containsKey(name))
                && random.nextInt(3) == 0) {
            return schema.get("example");
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return valid(pick(schema.get(choice)), name, depth + 1);
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(part -> {
                JsonNode value = valid(part, name, depth + 1);
                if (value.isObject()) {
                    merged.setAll((ObjectNode) value);
                }
            });
            return merged;
        }
        if (schema.has("enum")) {
            return pick(schema.get("enum"));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(Math.min(3, schema.path("maxItems").asInt(3)) + 1);
                for (int i = 0; i < Math.max(items, schema.path("minItems").asInt(0)); i++) {
                    array.add(valid(schema.get("items"), name, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(integer(schema) + random.nextInt(10) / 10.0);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(text(schema, name));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = schema.has("required") ? toList(schema.get("required")) : List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.set(property.getKey(), valid(property.getValue(), property.getKey(), depth + 1));
            }
        }
        return object;
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(0);
        long max = Math.min(schema.path("maximum").asLong(min + 1000), min + 1000);
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    /** A string: a fixture id for id-like names, a date for dates, otherwise short plain text. */
    public String text(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        List<String> known = name == null ? null : ids.get(name);
        if (known != null && random.nextInt(4) != 0) {
            return known.get(random.nextInt(known.size()));
        }
        return switch (format) {
            case "date" -> LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3_650)).toString();
            case "date-time" -> LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3_650)) + "T10:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            case "uri" -> "https://example.org/hook";
            default -> known == null && schema.has("example") && schema.get("example").isTextual()
                    ? schema.get("example").asText() : "Fuzz " + random.nextInt(1_000);
        };
    }

    /** A value that is wrong for the schema, or right but hostile. */
    public JsonNode nasty(JsonNode schema) {
        schema = resolve(schema);
        String format = schema == null ? "" : schema.path("format").asText("");
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextBoolean() ? Long.MIN_VALUE : 2147483648L);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.arrayNode().add(NODES.textNode("x"));
            case 5 -> NODES.objectNode().put("unexpected", 1);
            case 6 -> NODES.textNode(format.startsWith("date") ? pick(NASTY_DATES) : pick(NASTY_TEXT));
            case 7 -> deep(random.nextInt(400) + 10);
            default -> NODES.textNode(pick(NASTY_TEXT));
        };
    }

    /** Mutates one place of a valid value: a field removed, added, or given a nasty value. */
    public JsonNode mutate(JsonNode value, JsonNode schema) {
        schema = resolve(schema);
        if (!value.isObject() || value.isEmpty() || schema == null) {
            return nasty(schema);
        }
        ObjectNode object = ((ObjectNode) value).deepCopy();
        List<String> names = toList(object.fieldNames());
        String field = names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> object.remove(field);
            case 1 -> object.put("unknown" + random.nextInt(10), "x");
            case 2 -> {
                JsonNode inner = object.get(field);
                JsonNode innerSchema = schema.path("properties").path(field);
                object.set(field, inner.isObject() ? mutate(inner, innerSchema) : nasty(innerSchema));
            }
            default -> object.set(field, nasty(schema.path("properties").path(field)));
        }
        return object;
    }

    private JsonNode deep(int levels) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < levels; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> toList(Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
