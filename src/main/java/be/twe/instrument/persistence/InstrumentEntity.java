package be.twe.instrument.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


import be.twe.common.persistence.RegisteredRecord;

@Entity
@Table(name = "instrument")
public class InstrumentEntity extends RegisteredRecord {
    @Id
    public UUID id;
    @Column(name = "trajectory_id")
    public UUID trajectoryId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public InstrumentType type;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Enumerated(EnumType.STRING)
    public InstrumentOutcome outcome;
    @Column(name = "stop_reason")
    public String stopReason;
    public String employer;
    @Column(name = "social_rights_built_up")
    public Boolean socialRightsBuiltUp;
    @Column(name = "training_name")
    public String trainingName;
    @Column(name = "training_organiser")
    public String trainingOrganiser;
    @Column(name = "training_recognised")
    public Boolean trainingRecognised;
    @Column(name = "training_technical")
    public Boolean trainingTechnical;
    @Column(name = "training_full_time")
    public Boolean trainingFullTime;

    /** The last day it runs: its end, or its planned end while running. */
    public LocalDate effectiveEnd() {
        return endDate != null ? endDate : plannedEndDate;
    }

    public boolean is(InstrumentType t) {
        return type == t;
    }
}
