package be.twe.trajectory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import be.twe.common.persistence.RegisteredRecord;
import be.twe.trajectory.service.EndReason;

@Entity
@Table(name = "trajectory")
public class TrajectoryEntity extends RegisteredRecord {
    @Id
    public UUID id;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @ManyToOne(optional = false) // eager: a trajectory is never shown without its client
    @JoinColumn(name = "client_id")
    public ClientEntity client;
    @Column(name = "start_date")
    public LocalDate startDate;
    /** Start + 24 months, computed by the database. */
    @Generated
    @Column(name = "planned_end_date", insertable = false, updatable = false)
    public LocalDate plannedEndDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "end_reason")
    @Enumerated(EnumType.STRING)
    public EndReason endReason;
    @Column(name = "end_advice")
    public String endAdvice;
    @Column(name = "at_work_at_measurement")
    public Boolean atWorkAtMeasurement;
    @Column(name = "at_work_within_12_months")
    public Boolean atWorkWithin12Months;
    /** When retention pseudonymised it (ADR 0031); written by the retention job only. */
    @Column(name = "pseudonymised_at", insertable = false, updatable = false)
    public OffsetDateTime pseudonymisedAt;

    public boolean isOpen() {
        return endDate == null;
    }
}
