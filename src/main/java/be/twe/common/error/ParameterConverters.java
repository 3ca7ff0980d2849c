package be.twe.common.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Converts numbers, dates and contract enums in parameters, naming the parameter when it fails.
 * RESTEasy Reactive consults it for some types only; {@link NotFoundMapper} covers the others.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Issue where = where(annotations);
        if (where == null) {
            return null;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(where, Integer::valueOf, Text.of("must-be-whole-number"));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(where, Long::valueOf, Text.of("must-be-whole-number"));
        }
        if (rawType == java.util.UUID.class) {
            return (ParamConverter<T>) converter(where, java.util.UUID::fromString, Text.of("must-be-uuid"));
        }
        if (rawType == java.time.OffsetDateTime.class) {
            return (ParamConverter<T>) converter(where, text -> Plausible.dateTime(java.time.OffsetDateTime.parse(text)),
                    Text.of("must-be-date-time", Plausible.RANGE));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(where, text -> Plausible.date(LocalDate.parse(text)),
                    Text.of("must-be-date", Plausible.RANGE));
        }
        if (rawType.isEnum()) {
            Method fromString = fromString(rawType);
            if (fromString != null) {
                return (ParamConverter<T>) converter(where, s -> invoke(fromString, s), JsonProblems.expected(rawType));
            }
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(Issue where, Function<String, V> parse, Text detail) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new BadParameterException(new Issue(where.in(), where.name(), value, detail));
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Method fromString(Class<?> type) {
        try {
            return type.getMethod("fromString", String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method fromString, String value) {
        try {
            return fromString.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Issue where(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return new Issue("query", q.value(), null, (Text) null);
            }
            if (a instanceof PathParam p) {
                return new Issue("path", p.value(), null, (Text) null);
            }
            if (a instanceof HeaderParam h) {
                return new Issue("header", h.value(), null, (Text) null);
            }
        }
        return null;
    }
}
