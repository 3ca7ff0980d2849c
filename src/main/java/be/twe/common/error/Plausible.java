package be.twe.common.error;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The dates this API can mean: the measure started in 2017 and reference data reaches back to
 * 1977, nothing is planned beyond 2100. Outside that window a date is a typo (or an attack) and
 * would only fail later, deep in PostgreSQL's or the calendar's arithmetic.
 */
public final class Plausible {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    public static final String RANGE = FIRST_YEAR + " to " + LAST_YEAR;

    private Plausible() {
    }

    public static boolean year(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The date, or an IllegalArgumentException outside the window. */
    public static LocalDate date(LocalDate date) {
        if (!year(date.getYear())) {
            throw new IllegalArgumentException("outside " + RANGE);
        }
        return date;
    }

    public static OffsetDateTime dateTime(OffsetDateTime dateTime) {
        date(dateTime.toLocalDate());
        return dateTime;
    }
}
