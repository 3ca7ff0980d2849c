package be.twe.municipality.persistence;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/** One version of a municipality (reference data, read-only). */
@Entity
@Immutable
@Table(name = "municipality")
@IdClass(MunicipalityEntity.Key.class)
public class MunicipalityEntity {
    @Id
    @Column(name = "nis_code")
    public String nisCode;
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public String name;
    @Column(name = "province_nis_code")
    public String provinceNisCode;
    @Formula("(select p.name from province p where p.nis_code = province_nis_code)")
    public String province;
    @Column(name = "successor_nis_code")
    public String successorNisCode;
    @Formula("(select s.name from municipality s where s.nis_code = successor_nis_code and s.valid_to is null)")
    public String successorName;

    public record Key(String nisCode, LocalDate validFrom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
