package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.service.InstrumentsOfTrajectory.InstrumentDates;
import be.twe.trajectory.service.InstrumentsOfTrajectory.InstrumentYear;

/** The "two instruments per year" target of one trajectory, from its instruments' dates. */
public final class InstrumentYears {
    private static final String ART60 = "ART60";

    private InstrumentYears() {
    }

    /** Years counted from the start, to the end (or the planned end while open). */
    public static List<InstrumentYear> of(TrajectoryEntity t, List<InstrumentDates> instruments) {
        LocalDate last = t.endDate != null ? t.endDate : t.plannedEndDate;
        List<InstrumentYear> years = new ArrayList<>();
        for (int n = 0; !t.startDate.plusYears(n).isAfter(last); n++) {
            LocalDate from = t.startDate.plusYears(n);
            LocalDate to = min(t.startDate.plusYears(n + 1).minusDays(1), last);
            int started = (int) instruments.stream()
                    .filter(i -> !i.start().isBefore(from) && !i.start().isAfter(to)).count();
            boolean art60 = instruments.stream().anyMatch(i -> ART60.equals(i.type())
                    && !i.start().isAfter(to) && !i.effectiveEnd().isBefore(from));
            years.add(new InstrumentYear(n + 1, from, to, started, art60));
        }
        return years;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
