package be.twe.coach.rest;

import org.mapstruct.Mapper;

import be.twe.api.model.Coach;
import be.twe.api.model.PartnerAgreement;
import be.twe.coach.persistence.CoachEntity;
import be.twe.coach.persistence.PartnerAgreementEntity;

@Mapper
public interface CoachMapper {
    Coach toDto(CoachEntity entity);

    PartnerAgreement toDto(PartnerAgreementEntity entity);
}
