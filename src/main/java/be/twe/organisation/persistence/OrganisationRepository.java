package be.twe.organisation.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Query;
import be.twe.common.tenancy.OrganisationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<OrganisationEntity, String> {

    public List<OrganisationEntity> list(OrganisationKind kind, String province, String nisCode, String cluster,
                                         LocalDate today, String afterId, int fetch) {
        Query q = new Query()
                .and("o.kind = :kind", "kind", kind)
                .and("o.provinceNisCode = :province", "province", province)
                .and("o.nisCode = :nisCode", "nisCode", nisCode)
                .and("o.id > :afterId", "afterId", afterId);
        if (cluster != null) {
            q.and("o.id in (select m.ocmwId from MandateEntity m where m.clusterId = :cluster and "
                    + MandateRepository.VALID_ON + ")", Map.of("cluster", cluster, "validOn", today));
        }
        return find("from OrganisationEntity o where " + q.where() + " order by o.id", q.parameters())
                .page(0, fetch).list();
    }

    /**
     * The OCMWs that existed on {@code date} and merged, directly or through later mergers, into
     * {@code ocmwId}: in the directory of whoever acts for {@code ocmwId}.
     */
    @SuppressWarnings("unchecked")
    public List<String> predecessorsOn(String ocmwId, LocalDate date) {
        return getEntityManager().createNativeQuery("""
                with recursive before(id, valid_from, valid_to) as (
                    select id, valid_from, valid_to from organisation where successor_id = ?1
                    union
                    select o.id, o.valid_from, o.valid_to from organisation o join before b on o.successor_id = b.id)
                select id from before where valid_from <= ?2 and (valid_to is null or valid_to >= ?2) order by id""")
                .setParameter(1, ocmwId).setParameter(2, date).getResultList();
    }
}
