package be.twe.helpdesk.persistence;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;



/** A registration VDAB's helpdesk made to fulfil a request. */
@Entity
@Table(name = "helpdesk_request_registration")
@IdClass(HelpdeskRegistrationEntity.Key.class)
public class HelpdeskRegistrationEntity {
    public record Key(UUID requestId, String resourceType, UUID resourceId) implements Serializable {
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Id
    @Column(name = "resource_type")
    public String resourceType;
    @Id
    @Column(name = "resource_id")
    public UUID resourceId;
    @Column(name = "ocmw_id")
    public String ocmwId;
}
