package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.Contract;
import be.twe.support.DeclaredProblemCodes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * The catalogue and the contract hold each other: every code the code can answer is published,
 * every published code is answered somewhere, and operations declare only published codes.
 * (That each answer's code is declared by its operation is checked on every test's answers by
 * {@link DeclaredProblemCodes}.)
 */
class ProblemCatalogueTest {
    private static final OpenAPI CONTRACT = new OpenAPIV3Parser().read(Contract.LOCATION);

    private static Set<String> catalogue() {
        return Arrays.stream(ProblemType.values()).map(ProblemType::code).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> codeSchema() {
        return (Schema<Object>) CONTRACT.getComponents().getSchemas().get("Problem").getProperties().get("code");
    }

    @Test
    void theContractListsExactlyTheCataloguesCodes() {
        Set<String> published = codeSchema().getEnum().stream().map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogue(), published);
    }

    @Test
    void theContractGivesEachCodeItsStatusAndTitle() {
        String description = codeSchema().getDescription();
        for (ProblemType type : ProblemType.values()) {
            String line = "- `" + type.code() + "` (" + type.status() + "): " + type.title();
            assertTrue(description.contains(line), "Problem.code's description lacks: " + line);
        }
    }

    @Test
    void everyCodeIsAnsweredSomewhere() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(ProblemCatalogueTest::read)
                    .collect(Collectors.joining("\n"));
        }
        List<String> unused = Arrays.stream(ProblemType.values())
                .filter(type -> !Pattern.compile("ProblemType\\." + type.name() + "\\b").matcher(sources).find())
                .map(ProblemType::code).toList();
        assertEquals(List.of(), unused, "codes in the catalogue that nothing answers");
    }

    @Test
    void operationsDeclareOnlyPublishedCodes() {
        Set<String> catalogue = catalogue();
        Map<String, Set<String>> unknown = new TreeMap<>();
        CONTRACT.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            Set<String> declared = new TreeSet<>(DeclaredProblemCodes.of(operation));
            declared.removeAll(catalogue);
            if (!declared.isEmpty()) {
                unknown.put(operation.getOperationId(), declared);
            }
        }));
        Set<String> common = DeclaredProblemCodes.codes(CONTRACT.getExtensions().get(DeclaredProblemCodes.COMMON));
        assertTrue(catalogue.containsAll(common), "unknown common codes: " + common);
        assertEquals(Map.of(), unknown);
    }

    @Test
    void everyErrorResponseShowsAnExampleOfItsOwnStatusFromTheCatalogue() {
        Map<String, ProblemType> byCode = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::code, type -> type));
        Map<String, ApiResponse> shared = CONTRACT.getComponents().getResponses();
        Map<String, String> wrong = new TreeMap<>();
        shared.forEach((name, response) -> {
            if (response.getContent() == null || response.getContent().get("application/problem+json") == null) {
                return;
            }
            Object example = asMap(response.getContent().get("application/problem+json").getExample());
            if (!(example instanceof Map<?, ?> problem)) {
                wrong.put(name, "no example");
                return;
            }
            ProblemType type = byCode.get(String.valueOf(problem.get("code")));
            if (type == null || !type.title().equals(problem.get("title"))
                    || !("urn:problem-type:twe:" + type.code()).equals(problem.get("type"))
                    || !Integer.valueOf(type.status()).equals(problem.get("status"))) {
                wrong.put(name, "example is not its code's catalogue entry: " + problem);
            }
        });
        CONTRACT.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().forEach((status, response) -> {
                    String ref = response.get$ref();
                    ApiResponse target = ref == null ? null : shared.get(ref.replaceFirst(".*/", ""));
                    Object example = target == null || target.getContent() == null ? null
                            : asMap(target.getContent().get("application/problem+json").getExample());
                    if (example instanceof Map<?, ?> problem && !status.equals(String.valueOf(problem.get("status")))) {
                        wrong.put(operation.getOperationId() + " " + status, "shows a " + problem.get("status"));
                    }
                })));
        assertEquals(Map.of(), wrong);
    }

    private static Map<?, ?> asMap(Object example) {
        return example == null ? null : new ObjectMapper().convertValue(example, Map.class);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
