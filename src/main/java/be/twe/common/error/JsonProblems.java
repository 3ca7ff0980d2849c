package be.twe.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import be.twe.api.model.Problem;

/** Turns Jackson's reading errors into a 400 naming the field, without echoing Java type names. */
public final class JsonProblems {
    private JsonProblems() {
    }

    public static Problem toProblem(JsonProcessingException e) {
        return ProblemResponses.of(invalidInput(e, ""));
    }

    /** The same, for JSON nested in a request at {@code prefix} (e.g. {@code body.}). */
    public static InvalidInputProblem invalidInput(JsonProcessingException e, String prefix) {
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return invalid(new Issue("body", "$", null, "Malformed JSON" + where + "."));
        }
        if (e instanceof JsonMappingException mapping) {
            String path = path(mapping, prefix);
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                return invalid(Issue.body(path, null, "Unknown field '" + unknown.getPropertyName() + "'."));
            }
            if (mapping instanceof InvalidFormatException format) {
                return invalid(Issue.body(path, null,
                        "Wrong type or format: expected " + expected(format.getTargetType()) + "."));
            }
            String message = mapping.getOriginalMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return invalid(Issue.body(path, null, "Required field is missing."));
            }
            return invalid(Issue.body(path, null, "Wrong type or value."));
        }
        return invalid(new Issue("body", "$", null, "Unreadable JSON body."));
    }

    private static InvalidInputProblem invalid(Issue issue) {
        return new InvalidInputProblem(issue);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of the listed values";
        }
        if (type.getSimpleName().startsWith("Local") || type.getSimpleName().startsWith("Offset")) {
            return "an ISO-8601 date or date-time";
        }
        return "a " + (type == String.class ? "string" : "value of the documented type");
    }

    private static String path(JsonMappingException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > prefix.length()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == prefix.length() ? (prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1))
                : path.toString();
    }
}
