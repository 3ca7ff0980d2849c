package be.twe.organisation.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

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

/** The organisation directory and mandates; what a caller sees is decided by row-level security. */
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

    /** Whether {@code id} is an OCMW of the directory. */
    public boolean isOcmw(String id) {
        return organisations.findByIdOptional(id).filter(o -> o.kind == OrganisationKind.OCMW).isPresent();
    }

    /** The OCMWs that existed on {@code date} and later merged into {@code ocmwId}. */
    public List<String> predecessorsOn(String ocmwId, LocalDate date) {
        return organisations.predecessorsOn(ocmwId, date);
    }

    public OrganisationEntity get(String id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("organisation", id));
    }

    public Slice<MandateEntity> mandates(String organisationId, LocalDate validOn, int limit, String cursor) {
        get(organisationId);
        return page(cursor, limit, (afterFrom, afterId) ->
                mandates.listFor(organisationId, validOn, afterFrom, afterId, limit + 1));
    }

    /** Every mandate the caller may see, filtered by holder, OCMW and a day of validity. */
    public Slice<MandateEntity> allMandates(String clusterId, String ocmwId, LocalDate validOn, int limit,
                                            String cursor) {
        return page(cursor, limit, (afterFrom, afterId) ->
                mandates.list(clusterId, ocmwId, validOn, afterFrom, afterId, limit + 1));
    }

    private static Slice<MandateEntity> page(String cursor, int limit,
                                             BiFunction<LocalDate, UUID, List<MandateEntity>> after) {
        List<String> position = Cursor.decode(cursor, 2);
        LocalDate afterFrom = position.isEmpty() ? null : Cursor.date(position.get(0));
        UUID afterId = position.isEmpty() ? null : Cursor.uuid(position.get(1));
        return Slice.of(after.apply(afterFrom, afterId), limit, m -> Cursor.encode(m.validFrom.toString(), m.id.toString()));
    }
}
