package be.twe.common.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * A PUT replaces (ADR 0017): its body names every field of its schema, {@code null} clearing an
 * optional one. A field left out is a 400 naming it, where JSON binding alone would read it as
 * {@code null} and clear it. Objects inside the body (an instrument's training) are checked alike.
 * Only resource methods marked {@link Replaces} are checked; every other body passes untouched.
 */
@Provider
public class CompleteBodies implements ReaderInterceptor {
    private static final String MODEL = "be.twe.api.model.";

    @Inject
    ObjectMapper json;

    @Context
    ResourceInfo resource;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Replaces replaces = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Replaces.class);
        if (replaces == null) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return context.proceed(); // malformed: the JSON reader answers it with its own 400
        }
        List<Issue> missing = missing(json, json.constructType(context.getGenericType()), tree,
                Set.of(replaces.givenByPath()));
        if (!missing.isEmpty()) {
            throw new InvalidInputProblem(missing);
        }
        return context.proceed();
    }

    /**
     * The fields of {@code type} that {@code body} leaves out, but for {@code givenByPath}; also
     * for a bulk import line that names a replacing call, whose body is read as that call's.
     */
    public static List<Issue> missing(ObjectMapper json, JavaType type, JsonNode body, Set<String> givenByPath) {
        List<Issue> missing = new ArrayList<>();
        missingFields(json, type, body, "", givenByPath, missing);
        return missing;
    }

    private static void missingFields(ObjectMapper json, JavaType type, JsonNode node, String prefix,
                                      Set<String> exempt, List<Issue> missing) {
        if (!node.isObject() || !type.getRawClass().getName().startsWith(MODEL) || type.isEnumType()) {
            return;
        }
        BeanDescription bean = json.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldDeserialize()) {
                continue;
            }
            String name = property.getName();
            JsonNode value = node.get(name);
            if (value == null) {
                if (!exempt.contains(prefix + name)) {
                    missing.add(Issue.body(prefix + name, null, Text.of("put-field-missing")));
                }
            } else {
                missingFields(json, property.getPrimaryType(), value, prefix + name + ".", Set.of(), missing);
            }
        }
    }
}
