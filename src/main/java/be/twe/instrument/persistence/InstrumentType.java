package be.twe.instrument.persistence;

public enum InstrumentType {
    BVS, ART60, TRAINING, WES, IBO
}
