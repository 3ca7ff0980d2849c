package be.twe.common.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import be.twe.common.error.Plausible;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Dates in bodies are {@code YYYY-MM-DD} strings and date-times ISO-8601 strings with an offset,
 * nothing else: Jackson's own readers also take numbers ({@code 20000} as a day count), arrays
 * and date-times for dates, which they silently truncate. Years outside {@link Plausible} are refused
 * too: {@code 2147483648} as a day count was year 5,881,580, which failed in PostgreSQL.
 */
@Singleton
public class StrictDates implements ObjectMapperCustomizer {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("strict-dates")
                .addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, DATE,
                        text -> Plausible.date(LocalDate.parse(text))))
                .addDeserializer(OffsetDateTime.class, new Strict<>(OffsetDateTime.class, null,
                        text -> Plausible.dateTime(OffsetDateTime.parse(text))))
                .addSerializer(LocalDate.class, new IsoDate()));
    }

    /**
     * Writes a date as {@link LocalDate#toString()}: the same text as the platform's ISO writer for
     * every plausible year, without its formatter, which was a fifth of a page of 50 trajectories
     * (each has about ten dates, issue 30).
     */
    private static final class IsoDate extends StdSerializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after the platform's JavaTimeModule, so that these readers win
    }

    private static final class Strict<T> extends StdScalarDeserializer<T> {
        private final transient Pattern shape;
        private final transient Function<String, T> parse;

        Strict(Class<T> type, Pattern shape, Function<String, T> parse) {
            super(type);
            this.shape = shape;
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            try {
                if (shape == null || shape.matcher(text).matches()) {
                    return parse.apply(text);
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // reported below, like a wrong shape (a year outside Plausible's window too)
            }
            return (T) ctxt.handleWeirdStringValue(handledType(), text, "not an ISO-8601 value");
        }
    }
}
