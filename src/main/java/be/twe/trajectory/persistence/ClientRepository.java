package be.twe.trajectory.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<ClientEntity, UUID> {

    /** The client with this INSZ, created if new; safe when two requests create it at once. */
    public ClientEntity findOrCreate(String insz) {
        getEntityManager().createNativeQuery("insert into client (id, insz) values (?1, ?2) on conflict (insz) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, insz).executeUpdate();
        return find("insz", insz).singleResult();
    }
}
