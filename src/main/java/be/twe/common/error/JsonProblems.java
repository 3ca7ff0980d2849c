package be.twe.common.error;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import be.twe.api.model.Problem;

/** Turns Jackson's reading errors into a 400 naming the field, without echoing Java type names. */
public final class JsonProblems {
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6}");
    private static final Pattern REFUSED_ENUM_VALUE = Pattern.compile("Unexpected value '(.*)'", Pattern.DOTALL);
    private JsonProblems() {
    }

    public static Problem toProblem(JsonProcessingException e) {
        return ProblemResponses.of(invalidInput(e, ""));
    }

    /** The same, for JSON nested in a request at {@code prefix} (e.g. {@code body.}). */
    public static InvalidInputProblem invalidInput(JsonProcessingException e, String prefix) {
        if (e instanceof JsonParseException parse) {
            return invalid(new Issue("body", "$", null, parse.getLocation() == null ? Text.of("json-malformed")
                    : Text.of("json-malformed-at", parse.getLocation().getLineNr(), parse.getLocation().getColumnNr())));
        }
        if (e instanceof JsonMappingException mapping) {
            String path = path(mapping, prefix);
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                return invalid(Issue.body(path, null, Text.of("json-unknown-field", unknown.getPropertyName())));
            }
            if (mapping instanceof InvalidFormatException format) {
                return invalid(Issue.body(path, echo(format.getValue()), expected(format.getTargetType())));
            }
            String message = mapping.getOriginalMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return invalid(Issue.body(path, null, Text.of("json-required")));
            }
            if (mapping instanceof ValueInstantiationException creator && creator.getType().isEnumType()) {
                return invalid(Issue.body(path, rejectedEnumValue(creator), expected(creator.getType().getRawClass())));
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return invalid(Issue.body(path, null, expected(mismatch.getTargetType())));
            }
            return invalid(Issue.body(path, null, Text.of("json-wrong-type")));
        }
        return invalid(new Issue("body", "$", null, Text.of("json-unreadable")));
    }

    private static InvalidInputProblem invalid(Issue issue) {
        return new InvalidInputProblem(issue);
    }

    /** What the field takes, in the contract's terms: never a Java type name. */
    static Text expected(Class<?> type) {
        if (type == null) {
            return Text.of("json-wrong-type");
        }
        if (type.isEnum()) {
            return Text.of("must-be-one-of", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (type == LocalDate.class) {
            return Text.of("must-be-json-date", Plausible.RANGE);
        }
        if (type == OffsetDateTime.class) {
            return Text.of("must-be-json-date-time", Plausible.RANGE);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return Text.of("must-be-number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Text.of("must-be-boolean");
        }
        if (type == String.class) {
            return Text.of("must-be-string");
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return Text.of("must-be-array");
        }
        return Text.of("must-be-object");
    }

    /** The generated enums say which value they refused; nothing else of the body is echoed. */
    private static String rejectedEnumValue(ValueInstantiationException e) {
        Matcher m = REFUSED_ENUM_VALUE.matcher(String.valueOf(e.getCause() == null ? null : e.getCause().getMessage()));
        return m.matches() ? echo(m.group(1)) : null;
    }

    /** A short refused token is echoed; nothing with a long run of digits, which could be an INSZ or an account. */
    private static String echo(Object value) {
        String text = value == null ? null : String.valueOf(value);
        return text == null || text.length() > 40 || LONG_NUMBER.matcher(text).find() ? null : text;
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
