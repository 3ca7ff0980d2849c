package be.twe.instrument.persistence;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** Reference data: the maximum duration of an instrument kind during a validity period. */
@Entity
@Immutable
@Table(name = "instrument_max_duration")
@IdClass(MaxDurationEntity.Key.class)
public class MaxDurationEntity {
    @Id
    public String kind;
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "max_months")
    public int maxMonths;
    public String source;

    /** Whether this is the maximum of {@code kind} on {@code day}. */
    public boolean validFor(String kind, LocalDate day) {
        return this.kind.equals(kind) && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public record Key(String kind, LocalDate validFrom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
