package be.twe.common.rest;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.JsonProblems;
import be.twe.common.error.Text;

/**
 * PATCH with JSON Merge Patch (RFC 7396, ADR 0038): the record's current fields as its PUT takes
 * them, with the patch merged in by Jakarta JSON Processing, become the body of that PUT. So a
 * PATCH is checked and applied exactly as the PUT, with its If-Match, roles and rules; a field
 * the patch clears is sent as {@code null}, and one the PUT does not take is a 400.
 */
@ApplicationScoped
public class MergePatches {
    private final ObjectMapper json;
    private final Validator validator;

    MergePatches(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The PUT body of type {@code put} that the patch makes of the record as read ({@code current}). */
    public <T> T apply(Object current, Map<String, Object> patch, Class<T> put) {
        if (patch.isEmpty()) { // the contract's minProperties: an empty patch would only bump the version
            throw new InvalidInputProblem(Issue.body("$", null, Text.of("merge-patch.empty")));
        }
        Set<String> fields = fields(put);
        List<Issue> unknown = patch.keySet().stream().filter(name -> !fields.contains(name)).sorted()
                .map(name -> Issue.body(name, null, Text.of("json-unknown-field", name))).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputProblem(unknown);
        }
        ObjectNode target = json.valueToTree(current);
        target.retain(fields);
        JsonNode merged = toJackson(Json.createMergePatch(toJsonP(patch)).apply(toJsonP(target)));
        ObjectNode body = merged.isObject() ? (ObjectNode) merged : json.createObjectNode();
        fields.forEach(name -> {
            if (!body.has(name)) {
                body.putNull(name); // cleared by the patch, or never set: the PUT names every field
            }
        });
        T value;
        try {
            value = json.treeToValue(body, put);
        } catch (JsonProcessingException e) {
            throw JsonProblems.invalidInput(e, "");
        }
        InvalidInputProblem.throwIfAny(validator.validate(value), "");
        return value;
    }

    private Set<String> fields(Class<?> type) {
        return json.getSerializationConfig().introspect(json.constructType(type)).findProperties().stream()
                .map(p -> p.getName()).collect(Collectors.toSet());
    }

    private JsonValue toJsonP(Object value) {
        try {
            return Json.createReader(new StringReader(json.writeValueAsString(value))).readValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map read from JSON is always writable", e);
        }
    }

    private JsonNode toJackson(JsonValue value) {
        try {
            return json.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-P writes JSON", e);
        }
    }
}
