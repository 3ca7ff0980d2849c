package be.twe.common.tenancy;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

/** Today's date in Belgium: mandates and validity periods are days in Belgian time. */
@ApplicationScoped
public class Today {
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    public LocalDate date() {
        return LocalDate.now(BRUSSELS);
    }
}
