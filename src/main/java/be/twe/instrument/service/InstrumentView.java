package be.twe.instrument.service;

import java.util.UUID;

import be.twe.instrument.persistence.InstrumentEntity;

/** An instrument as the API shows it, for another feature to hand to the instrument's mapper. */
public record InstrumentView(InstrumentEntity instrument) {

    public UUID id() {
        return instrument.id;
    }

    public UUID trajectoryId() {
        return instrument.trajectoryId;
    }
}
