package bench;

import java.time.LocalDate;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** The comparator's one entity, about the size of a trajectory's own columns. */
@Entity
public class Item extends PanacheEntity {
    public String ocmwId;
    public String clientInsz;
    public LocalDate startDate;
    public String coachId;
}
