package be.twe.common.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The problem texts in each language: {@code problems_en.properties} and
 * {@code problems_nl.properties} (UTF-8), {@code title.<code>} for each problem type and a key per
 * detail, whose arguments fill its {@code %s}. {@code ProblemTextsTest} holds both files to the
 * same keys and every code of the catalogue to a title in each.
 */
public final class ProblemTexts {
    private static final Map<ProblemLanguage, Properties> TEXTS = new EnumMap<>(ProblemLanguage.class);

    static {
        for (ProblemLanguage language : ProblemLanguage.values()) {
            TEXTS.put(language, load("problems_" + language.tag + ".properties"));
        }
    }

    private ProblemTexts() {
    }

    public static String title(ProblemType type, ProblemLanguage language) {
        String title = TEXTS.get(language).getProperty("title." + type.code());
        if (title == null) {
            throw new IllegalStateException("No title for " + type.code() + " in " + language.tag);
        }
        return title;
    }

    /** Whether the text exists in this language (a literal exists in English only). */
    static boolean has(ProblemLanguage language, Text text) {
        if (text.key() == null) {
            return language == ProblemLanguage.EN;
        }
        return TEXTS.get(language).containsKey(text.key())
                && text.args().stream().allMatch(a -> !(a instanceof Text t) || has(language, t));
    }

    /** The text in this language, or in English when it has none in it. */
    static String format(ProblemLanguage language, Text text) {
        if (text.key() == null) {
            return text.literal();
        }
        ProblemLanguage in = has(language, text) ? language : ProblemLanguage.EN;
        String template = TEXTS.get(in).getProperty(text.key());
        if (template == null) {
            throw new IllegalArgumentException("No problem text " + text.key());
        }
        Object[] args = text.args().stream().map(a -> a instanceof Text t ? format(in, t) : String.valueOf(a)).toArray();
        return String.format(Locale.ROOT, template, args);
    }

    /** A text's template as written in a language's file. */
    static String template(ProblemLanguage language, String key) {
        return TEXTS.get(language).getProperty(key);
    }

    /** The keys of a language's file, for the test that holds the files together. */
    public static Set<String> keys(ProblemLanguage language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ProblemTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
