package be.twe.instrument.service;

import java.time.LocalDate;
import java.util.UUID;

import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentType;

/** A requested instrument, as the service receives it. */
public record NewInstrument(InstrumentType type, LocalDate startDate, LocalDate plannedEndDate, UUID coachId,
                            String employer, Boolean socialRightsBuiltUp, Training training) {

    public record Training(String name, String organiser, Boolean recognisedByVdab, boolean technical,
                           boolean fullTime) {
    }

    /** What an instrument holds now, to tell whether a create-or-update changes anything. */
    public static NewInstrument of(InstrumentEntity i) {
        Training training = i.trainingName == null ? null : new Training(i.trainingName, i.trainingOrganiser,
                i.trainingRecognised, i.trainingTechnical, i.trainingFullTime);
        return new NewInstrument(i.type, i.startDate, i.plannedEndDate, i.coachId,
                i.employer, i.socialRightsBuiltUp, training);
    }
}
