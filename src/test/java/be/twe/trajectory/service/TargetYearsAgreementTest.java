package be.twe.trajectory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.statistics.service.Figures;
import be.twe.support.TestData;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.service.InstrumentsOfTrajectory.InstrumentDates;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One "two instruments per year" rule (issue 31): the years each trajectory's answer shows (Java,
 * InstrumentYears) and the years the statistics count (SQL, Figures.TRAJECTORY_YEARS) agree on
 * generated trajectories: leap-day starts, one day to thirteen years, open and ended, art. 60 §7
 * employments across year boundaries. The SQL runs on the generated rows (common table expressions
 * named like the tables), not on stored data.
 */
@QuarkusTest
class TargetYearsAgreementTest {
    private static final String[] TYPES = {"ART60", "BVS", "TRAINING", "WES", "IBO"};

    @Inject
    TestData data;

    record Generated(int id, TrajectoryEntity trajectory, List<InstrumentDates> instruments) {
    }

    @Test
    void javaAndSqlCountTheSameYearsOnGeneratedTrajectories() {
        Random random = new Random(20261206);
        List<Generated> generated = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            generated.add(generate(id, random));
        }
        List<String> expected = new ArrayList<>();
        for (Generated g : generated) {
            for (InstrumentsOfTrajectory.InstrumentYear y : InstrumentYears.of(g.trajectory(), g.instruments())) {
                expected.add(g.id() + "|" + y.year() + "|" + y.from() + "|" + y.to() + "|" + y.instrumentsStarted()
                        + "|" + y.art60());
            }
        }
        List<String> actual = data.rows(tables(generated) + "select id, n, first_day, last_day, started, art60 from ("
                + Figures.TRAJECTORY_YEARS + ") years order by id, n");
        assertTrue(expected.size() > 1500, "years enough to mean something: " + expected.size());
        assertTrue(expected.stream().anyMatch(e -> e.split("\\|")[1].equals("13")), "beyond ten years too");
        assertEquals(expected, actual);
    }

    private static Generated generate(int id, Random random) {
        TrajectoryEntity t = new TrajectoryEntity();
        t.startDate = id % 10 == 0 ? LocalDate.of(2016 + 4 * random.nextInt(3), 2, 29)
                : LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
        int days = id % 25 == 0 ? random.nextInt(3) : random.nextInt(13 * 366);
        if (random.nextBoolean()) {
            t.endDate = t.startDate.plusDays(days);
            t.plannedEndDate = t.startDate.plusDays(random.nextInt(13 * 366));
        } else {
            t.plannedEndDate = t.startDate.plusDays(days);
        }
        LocalDate last = t.endDate != null ? t.endDate : t.plannedEndDate;
        List<InstrumentDates> instruments = new ArrayList<>();
        int count = random.nextInt(2 + days / 150);
        for (int i = 0; i < count; i++) {
            LocalDate start = t.startDate.plusDays(random.nextInt(days + 60) - 30);
            instruments.add(new InstrumentDates(TYPES[random.nextInt(TYPES.length)], start,
                    start.plusDays(random.nextInt(500))));
        }
        if (random.nextInt(4) == 0) { // an art. 60 §7 employment that begins before the year it runs in
            instruments.add(new InstrumentDates("ART60", t.startDate.minusDays(random.nextInt(40)),
                    last.minusDays(random.nextInt(1 + (int) (last.toEpochDay() - t.startDate.toEpochDay())))));
        }
        return new Generated(id, t, instruments);
    }

    /** The generated rows as tables of the columns the rule reads. */
    private static String tables(List<Generated> generated) {
        StringJoiner trajectories = new StringJoiner(",\n");
        StringJoiner instruments = new StringJoiner(",\n");
        for (Generated g : generated) {
            TrajectoryEntity t = g.trajectory();
            trajectories.add("(" + g.id() + ", 'ocmw', date '" + t.startDate + "', date '" + t.plannedEndDate + "', "
                    + (t.endDate == null ? "null::date" : "date '" + t.endDate + "'") + ", null::text)");
            for (InstrumentDates i : g.instruments()) {
                instruments.add("(" + g.id() + ", '" + i.type() + "', date '" + i.start() + "', date '"
                        + i.effectiveEnd() + "')");
            }
        }
        return "with trajectory (id, ocmw_id, start_date, planned_end_date, end_date, end_reason) as (values "
                + trajectories + "),\ninstrument (trajectory_id, type, start_date, effective_end_date) as (values "
                + instruments + ")\n";
    }
}
