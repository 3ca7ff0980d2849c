package be.twe.municipality.rest;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.Municipality;
import be.twe.api.model.MunicipalitySuccessor;
import be.twe.api.model.ProvinceNisCode;
import be.twe.municipality.persistence.MunicipalityEntity;

@Mapper
public interface MunicipalityMapper {

    @Mapping(target = "successor", source = "entity")
    Municipality toDto(MunicipalityEntity entity);

    default MunicipalitySuccessor successor(MunicipalityEntity entity) {
        return entity.successorNisCode == null ? null
                : new MunicipalitySuccessor().nisCode(entity.successorNisCode).name(entity.successorName);
    }

    default ProvinceNisCode province(String code) {
        return code == null ? null : ProvinceNisCode.fromValue(code);
    }
}
