package be.twe.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import be.twe.trajectory.service.TrajectoryRules;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A bulk import's batch judges instruments against the planned end of trajectories it has not
 * written yet ({@link TrajectoryRules#plannedEnd}); the database computes the stored one
 * ({@code trajectory.planned_end_date}). Both agree on every day from 2017 to 2040, read from the
 * column's own definition.
 */
@QuarkusTest
class PlannedEndAgreementTest {
    @Inject
    TestData data;

    @Test
    void javaAndTheGeneratedColumnAgreeOnEveryStartDay() {
        List<String> definition = data.rows("""
                select pg_get_expr(d.adbin, d.adrelid), a.attgenerated from pg_attrdef d
                join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                where d.adrelid = 'trajectory'::regclass and a.attname = 'planned_end_date'""");
        assertEquals(1, definition.size());
        String[] column = definition.get(0).split("\\|");
        assertEquals("s", column[1], "a stored generated column");
        assertTrue(column[0].contains("start_date"), column[0]);

        List<String> days = data.rows("select d::text, (" + column[0].replace("start_date", "d") + ")::text "
                + "from generate_series(date '2017-01-01', date '2040-12-31', interval '1 day') g, "
                + "lateral (select g::date d) day");
        assertTrue(days.size() > 8000);
        for (String day : days) {
            String[] startAndEnd = day.split("\\|");
            assertEquals(startAndEnd[1], TrajectoryRules.plannedEnd(LocalDate.parse(startAndEnd[0])).toString(), day);
        }
    }
}
