package be.twe.common.error;

import java.util.List;

/**
 * A text of a problem (a detail or an issue's detail): a key of the problem texts with its
 * arguments, written in the language the caller reads ({@link ProblemTexts}, ADR 0037). A text
 * from before the texts had keys is a literal, which exists in English only.
 */
public record Text(String key, String literal, List<Object> args) {

    /** The text under this key of problems_*.properties; an argument may be a Text itself. */
    public static Text of(String key, Object... args) {
        return new Text(key, null, List.of(args));
    }

    /** English only: a problem with it is answered in English whatever the caller asks. */
    public static Text literal(String english) {
        return new Text(null, english, List.of());
    }

    /** The text in English, as logs and exception messages have it. */
    public String english() {
        return ProblemTexts.format(ProblemLanguage.EN, this);
    }
}
