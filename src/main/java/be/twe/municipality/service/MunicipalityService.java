package be.twe.municipality.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.municipality.persistence.MunicipalityEntity;
import be.twe.municipality.persistence.MunicipalityRepository;

@ApplicationScoped
@Transactional
public class MunicipalityService {
    @Inject
    MunicipalityRepository repository;

    public Slice<MunicipalityEntity> list(String province, Integer year, int limit, String cursor) {
        return Slice.of(repository.list(province, year, Cursor.decode(cursor, 2), limit + 1), limit,
                m -> Cursor.encode(m.nisCode, m.validFrom.toString()));
    }

    public MunicipalityEntity get(String nisCode, Integer year) {
        return repository.find(nisCode, year).orElseThrow(() -> new NotFoundProblem("municipality", nisCode));
    }
}
