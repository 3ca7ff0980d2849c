package be.twe.trajectory.persistence;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A client: only the INSZ (minimal personal data). Not exposed on its own; a caller reaches it
 * only through a trajectory it may see. Never log it.
 */
@Entity
@Immutable
@Table(name = "client")
public class ClientEntity {
    @Id
    public UUID id;
    public String insz;

    @Override
    public String toString() {
        return "ClientEntity[" + id + "]";
    }
}
