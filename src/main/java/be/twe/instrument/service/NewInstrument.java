package be.twe.instrument.service;

import java.time.LocalDate;
import java.util.UUID;

import be.twe.instrument.persistence.InstrumentType;

/** A requested instrument, as the service receives it. */
public record NewInstrument(InstrumentType type, LocalDate startDate, LocalDate plannedEndDate, UUID coachId,
                            String employer, Boolean socialRightsBuiltUp, Training training) {

    public record Training(String name, String organiser, Boolean recognisedByVdab, boolean technical,
                           boolean fullTime) {
    }
}
