package be.twe.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PUT names every field of its schema (ADR 0017): a test's PUT body with the optional fields it
 * does not set, as {@code null}.
 */
public final class Bodies {
    public static final List<String> TRAJECTORY_UPDATE = List.of("externalReference", "atWorkAtMeasurement",
            "atWorkWithin12Months");
    public static final List<String> INSTRUMENT = List.of("employer", "socialRightsBuiltUp", "training");
    public static final List<String> COACH = List.of("trainedOn");

    private Bodies() {
    }

    public static Map<String, Object> replacing(Map<String, ?> body, List<String> optional) {
        Map<String, Object> complete = new HashMap<>(body);
        optional.forEach(field -> complete.putIfAbsent(field, null));
        return complete;
    }
}
