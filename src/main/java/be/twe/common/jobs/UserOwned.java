package be.twe.common.jobs;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import be.twe.common.tenancy.Caller;

/**
 * A row that acts later for the user who made it (an import, an export, a webhook subscription):
 * it keeps who that was, so background work sees and may do what that user may.
 */
@MappedSuperclass
public abstract class UserOwned {
    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    public String subject;
    public String roles;

    /** A new row's id and its owner, the caller. */
    public void ownedBy(Caller caller) {
        id = UUID.randomUUID();
        organisationId = caller.organisationId();
        subject = Objects.requireNonNullElse(caller.subject(), "");
        roles = String.join(",", caller.roles());
    }

    /** Whether the caller is the user who made it. */
    public boolean isOwnedBy(Caller caller) {
        return organisationId.equals(caller.organisationId())
                && subject.equals(Objects.requireNonNullElse(caller.subject(), ""));
    }
}
