package be.twe.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * SQL that reads as SQL (issue 33): every function, aggregate, trigger and view the schema has is
 * defined once, in a repeatable migration, and no versioned migration after V35 defines one; a
 * change to one edits its R__ file instead of copying it into a new migration.
 */
@QuarkusTest
class MigrationsTest {
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final int LAST_VERSION_WITH_DEFINITIONS = 35;
    static final Pattern DEFINED = Pattern.compile(
            "create\\s+or\\s+replace\\s+(?:function|aggregate)\\s+(\\w+)|create\\s+(?:materialized\\s+)?view\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern ANY_DEFINITION = Pattern.compile(
            "create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?(?:function|aggregate|trigger|(?:materialized\\s+)?view)\\s",
            Pattern.CASE_INSENSITIVE);

    @Inject
    TestData data;

    @Test
    void everyFunctionAndViewOfTheSchemaIsDefinedInExactlyOneRepeatableMigration() throws IOException {
        Map<String, List<String>> definedIn = definitions();
        List<String> inSchema = data.rows("""
                select p.proname, p.prokind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public'
                  and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                union
                select c.relname, c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('v', 'm')""").stream()
                .map(row -> row.split("\\|")[0]).sorted().distinct().toList();
        assertTrue(inSchema.size() > 20, "the schema's functions were read: " + inSchema);
        List<String> notOnce = inSchema.stream().filter(name -> definedIn.getOrDefault(name, List.of()).size() != 1)
                .map(name -> name + " " + definedIn.getOrDefault(name, List.of())).toList();
        assertEquals(List.of(), notOnce, "defined in no R__ file, or in several");
        List<String> gone = definedIn.keySet().stream().filter(name -> !inSchema.contains(name)).toList();
        assertEquals(List.of(), gone, "defined in an R__ file but not in the schema");
    }

    @Test
    void everyTriggerRunsAFunctionOfARepeatableMigration() throws IOException {
        Map<String, List<String>> definedIn = definitions();
        List<String> triggers = data.rows("""
                select t.tgname || ' on ' || c.relname, p.proname from pg_trigger t
                join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                join pg_proc p on p.oid = t.tgfoid
                where n.nspname = 'public' and not t.tgisinternal""");
        assertTrue(triggers.size() > 30, "the schema's triggers were read: " + triggers);
        assertEquals(List.of(), triggers.stream().filter(t -> !definedIn.containsKey(t.split("\\|")[1])).toList());
    }

    @Test
    void noVersionedMigrationAfterV35DefinesAFunctionTriggerOrView() throws IOException {
        assertTrue(ANY_DEFINITION.matcher("create or replace function f() returns int").find());
        assertTrue(ANY_DEFINITION.matcher("CREATE TRIGGER t after insert").find());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher version = Pattern.compile("V(\\d+)__.*").matcher(file.getFileName().toString());
                if (version.matches() && Integer.parseInt(version.group(1)) > LAST_VERSION_WITH_DEFINITIONS
                        && ANY_DEFINITION.matcher(Files.readString(file)).find()) {
                    offenders.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "define functions, triggers and views in an R__ file");
    }

    /** Each name defined by a repeatable migration, and the files that define it. */
    static Map<String, List<String>> definitions() throws IOException {
        Map<String, List<String>> definedIn = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("R__")).toList()) {
                Matcher m = DEFINED.matcher(Files.readString(file));
                while (m.find()) {
                    String name = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
                    definedIn.computeIfAbsent(name, n -> new ArrayList<>()).add(file.getFileName().toString());
                }
            }
        }
        return definedIn;
    }
}
