package be.twe.coach.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



/** A staff member who guides clients; visible to its own organisation and VDAB. */
@Entity
@Table(name = "coach")
public class CoachEntity {
    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    public String name;
    /** Date of VDAB's registration training; null while not trained. */
    @Column(name = "trained_on")
    public LocalDate trainedOn;
    @Version
    public long version;
}
