package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every problem text exists in English and in Dutch, and the code names only texts that exist. */
class ProblemTextsTest {
    private static final Pattern ARGUMENT = Pattern.compile("%(\\d+\\$)?s");

    @Test
    void bothLanguagesHaveTheSameKeysWithTheSameArguments() {
        assertEquals(ProblemTexts.keys(ProblemLanguage.EN), ProblemTexts.keys(ProblemLanguage.NL));
        for (String key : ProblemTexts.keys(ProblemLanguage.EN)) {
            assertEquals(arguments(ProblemTexts.template(ProblemLanguage.EN, key)),
                    arguments(ProblemTexts.template(ProblemLanguage.NL, key)), key + ": the same arguments in both languages");
            assertFalse(ProblemTexts.template(ProblemLanguage.NL, key).isBlank(), key);
        }
    }

    @Test
    void everyCodeOfTheCatalogueHasATitleInEachLanguageThatTellsThemApart() {
        for (ProblemType type : ProblemType.values()) {
            String english = ProblemTexts.title(type, ProblemLanguage.EN);
            String dutch = ProblemTexts.title(type, ProblemLanguage.NL);
            assertFalse(english.isBlank(), type.code());
            assertFalse(dutch.isBlank(), type.code());
            assertNotEquals(english, dutch, type.code() + ": a problem's title says its language");
        }
        assertEquals(ProblemType.values().length,
                ProblemTexts.keys(ProblemLanguage.EN).stream().filter(k -> k.startsWith("title.")).count());
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                firstArguments(source, "Text.of(").forEach(a -> literals(a).filter(k -> !k.endsWith(".")) // a prefix
                        .forEach(named::add));
                firstArguments(source, "new NotFoundProblem(").forEach(a -> literals(a)
                        .forEach(r -> named.add("resource." + r.replace(' ', '-'))));
                firstArguments(source, "unavailable(").forEach(a -> literals(a).forEach(named::add));
            }
        }
        Set<String> missing = named.stream().filter(k -> !ProblemTexts.keys(ProblemLanguage.EN).contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "named in the code but not in problems_*.properties: " + missing);
        assertTrue(named.size() > 150, "the scan found the texts: " + named.size());
    }

    @Test
    void aProblemWithAnEnglishOnlyTextIsWhollyEnglishForADutchCaller() {
        be.twe.api.model.Problem problem = ProblemResponses.of(new InvalidInputProblem(ProblemType.BAD_REQUEST,
                Text.literal("Only in English."), Issue.body("field", null, Text.of("incomplete"))), ProblemLanguage.NL);
        assertEquals("Bad request", problem.getTitle());
        assertEquals("Incomplete.", problem.getIssues().get(0).getDetail());
        assertEquals(ProblemLanguage.EN, ProblemResponses.languageOf(problem));

        problem = ProblemResponses.of(new InvalidInputProblem(ProblemType.BAD_REQUEST,
                Text.of("empty-file"), Issue.body("field", null, Text.of("incomplete"))), ProblemLanguage.NL);
        assertEquals("Ongeldige aanvraag", problem.getTitle());
        assertEquals("Het bestand is leeg.", problem.getDetail());
        assertEquals("Onvolledig.", problem.getIssues().get(0).getDetail());
        assertEquals(ProblemLanguage.NL, ProblemResponses.languageOf(problem));
    }

    @Test
    void acceptLanguageIsMatchedAsRfc4647Says() {
        assertEquals(ProblemLanguage.NL, ProblemLanguage.of("nl-BE"));
        assertEquals(ProblemLanguage.NL, ProblemLanguage.of("fr-BE, nl;q=0.8, en;q=0.5"));
        assertEquals(ProblemLanguage.EN, ProblemLanguage.of("en-GB, nl;q=0.9"));
        assertEquals(ProblemLanguage.EN, ProblemLanguage.of("fr"));
        assertEquals(ProblemLanguage.EN, ProblemLanguage.of("*;q=0.5, nl;q=0"));
        assertEquals(ProblemLanguage.EN, ProblemLanguage.of(";;;"));
        assertEquals(ProblemLanguage.EN, ProblemLanguage.of(null));
    }

    /** The argument positions a template uses: %s counts on, %2$s names one. */
    private static Set<Integer> arguments(String template) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(template);
        int next = 1;
        while (m.find()) {
            used.add(m.group(1) == null ? next++ : Integer.parseInt(m.group(1).replace("$", "")));
        }
        return used;
    }

    /** The source text of the first argument of each call that starts with {@code call}. */
    private static Stream<String> firstArguments(String source, String call) {
        Stream.Builder<String> arguments = Stream.builder();
        for (int at = source.indexOf(call); at >= 0; at = source.indexOf(call, at + 1)) {
            int depth = 0;
            boolean quoted = false;
            int i = at + call.length();
            for (; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' && source.charAt(i - 1) != '\\') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')' && depth-- == 0 || !quoted && c == ',' && depth == 0) {
                    break;
                }
            }
            arguments.add(source.substring(at + call.length(), i));
        }
        return arguments.build();
    }

    private static Stream<String> literals(String code) {
        return Pattern.compile("\"([^\"]*)\"").matcher(code).results().map(r -> r.group(1));
    }
}
