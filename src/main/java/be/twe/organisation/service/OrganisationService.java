package be.twe.organisation.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.tenancy.OrganisationKind;
import be.twe.common.tenancy.Today;
import be.twe.organisation.persistence.MandateEntity;
import be.twe.organisation.persistence.MandateRepository;
import be.twe.organisation.persistence.OrganisationEntity;
import be.twe.organisation.persistence.OrganisationRepository;

/** The organisation directory and mandates; what a caller sees is decided by the tenancy filters. */
@ApplicationScoped
@Transactional
public class OrganisationService {
    @Inject
    OrganisationRepository organisations;
    @Inject
    MandateRepository mandates;
    @Inject
    Today today;

    public Slice<OrganisationEntity> list(OrganisationKind kind, String province, String nisCode, String cluster,
                                          int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 1);
        List<OrganisationEntity> rows = organisations.list(kind, province, nisCode, cluster, today.date(),
                after.isEmpty() ? null : after.get(0), limit + 1);
        return Slice.of(rows, limit, o -> Cursor.encode(o.id));
    }

    public OrganisationEntity get(String id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("organisation", id));
    }

    public Slice<MandateEntity> mandates(String organisationId, LocalDate validOn, int limit, String cursor) {
        get(organisationId);
        List<String> after = Cursor.decode(cursor, 2);
        LocalDate afterFrom = after.isEmpty() ? null : Cursor.date(after.get(0));
        UUID afterId = after.isEmpty() ? null : Cursor.uuid(after.get(1));
        return Slice.of(mandates.listFor(organisationId, validOn, afterFrom, afterId, limit + 1), limit,
                m -> Cursor.encode(m.validFrom.toString(), m.id.toString()));
    }
}
