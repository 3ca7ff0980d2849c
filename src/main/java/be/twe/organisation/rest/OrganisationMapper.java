package be.twe.organisation.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.AuditEvent;
import be.twe.api.model.ClusterKind;
import be.twe.api.model.FinancialDetails;
import be.twe.api.model.Mandate;
import be.twe.api.model.MandateHolderKind;
import be.twe.api.model.Organisation;
import be.twe.api.model.OrganisationKind;
import be.twe.common.audit.AuditEventEntity;
import be.twe.organisation.persistence.FinancialDetailsEntity;
import be.twe.organisation.persistence.MandateEntity;
import be.twe.organisation.persistence.OrganisationEntity;

@Mapper
public interface OrganisationMapper {

    Organisation toDto(OrganisationEntity entity);

    Mandate toDto(MandateEntity entity);

    FinancialDetails toDto(FinancialDetailsEntity entity);

    // the generated model's remove*Item helpers look like properties to MapStruct
    @Mapping(target = "removeOldValueItem", ignore = true)
    @Mapping(target = "removeNewValueItem", ignore = true)
    AuditEvent toDto(AuditEventEntity entity);

    default OrganisationKind kind(be.twe.common.tenancy.OrganisationKind kind) {
        return kind == null ? null : OrganisationKind.fromValue(kind.name());
    }

    default ClusterKind clusterKind(String kind) {
        return kind == null ? null : ClusterKind.fromValue(kind);
    }

    default MandateHolderKind holderKind(String kind) {
        return kind == null ? null : MandateHolderKind.fromValue(kind);
    }
}
