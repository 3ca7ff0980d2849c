package be.twe.coach.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import be.twe.coach.persistence.CoachEntity;
import be.twe.coach.persistence.CoachRepository;
import be.twe.coach.persistence.PartnerAgreementEntity;
import be.twe.coach.persistence.PartnerAgreementRepository;
import be.twe.common.audit.AuditTrail;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.OwnOrganisation;
import be.twe.organisation.service.OrganisationService;
import be.twe.sync.service.Feeds;

/** An organisation's coaches and its partner agreement; changes are audited. */
@ApplicationScoped
@Transactional
@Feeds
public class CoachService {
    @Inject
    CoachRepository coaches;
    @Inject
    PartnerAgreementRepository agreements;
    @Inject
    OrganisationService organisations;
    @Inject
    OwnOrganisation ownOrganisation;
    @Inject
    AuditTrail auditTrail;

    public Slice<CoachEntity> list(String organisationId, int limit, String cursor) {
        requireOwn(organisationId);
        List<String> after = Cursor.decode(cursor, 1);
        UUID afterId = after.isEmpty() ? null : Cursor.uuid(after.get(0));
        return Slice.of(coaches.list(organisationId, afterId, limit + 1), limit, c -> Cursor.encode(c.id.toString()));
    }

    public CoachEntity create(String organisationId, String name, LocalDate trainedOn) {
        requireOwn(organisationId);
        if (trainedOn != null) {
            throw trainingByVdab();
        }
        CoachEntity coach = new CoachEntity();
        coach.id = UUID.randomUUID();
        coach.organisationId = organisationId;
        coach.name = name;
        coaches.persistAndFlush(coach);
        auditTrail.record(organisationId, "coach", coach.id.toString(), "create", null, snapshot(coach));
        return coach;
    }

    public CoachEntity get(String organisationId, UUID coachId) {
        requireOwn(organisationId);
        return coaches.findByIdOptional(coachId).filter(c -> c.organisationId.equals(organisationId))
                .orElseThrow(() -> new NotFoundProblem("coach", coachId.toString()));
    }

    public CoachEntity update(String organisationId, UUID coachId, IfMatch ifMatch, String name, LocalDate trainedOn) {
        CoachEntity coach = get(organisationId, coachId);
        ifMatch.check(coach.version);
        if (!Objects.equals(trainedOn, coach.trainedOn)) {
            throw trainingByVdab();
        }
        Map<String, Object> before = snapshot(coach);
        coach.name = name;
        coaches.flush();
        auditTrail.record(organisationId, "coach", coachId.toString(), "update", before, snapshot(coach));
        return coach;
    }

    public PartnerAgreementEntity agreement(String organisationId) {
        requireOwn(organisationId);
        return agreements.findByIdOptional(organisationId).orElseGet(() -> {
            PartnerAgreementEntity none = new PartnerAgreementEntity();
            none.organisationId = organisationId;
            return none;
        });
    }

    /** Needs If-Match with the current version; a first record in parallel loses on the primary key (412). */
    public PartnerAgreementEntity recordAgreement(String organisationId, IfMatch ifMatch, LocalDate signedOn) {
        requireOwn(organisationId);
        PartnerAgreementEntity agreement = agreements.findByIdOptional(organisationId, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        ifMatch.check(agreement == null ? 0 : agreement.version, agreement != null);
        Map<String, Object> before = null;
        if (agreement == null) { // one INSERT with its values: one CREATED feed entry, no UPDATE after it
            agreement = new PartnerAgreementEntity();
            agreement.organisationId = organisationId;
            agreement.signedOn = signedOn;
            agreement.version = 1;
            agreements.persist(agreement);
        } else {
            before = new HashMap<>();
            before.put("signedOn", String.valueOf(agreement.signedOn));
            agreement.signedOn = signedOn;
            agreement.version++;
        }
        agreements.flush();
        Map<String, Object> after = new HashMap<>();
        after.put("signedOn", String.valueOf(signedOn));
        auditTrail.record(organisationId, "partner-agreement", organisationId, "update", before, after);
        return agreement;
    }

    private void requireOwn(String organisationId) {
        organisations.get(organisationId);
        ownOrganisation.require(organisationId);
    }

    private static Map<String, Object> snapshot(CoachEntity coach) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", coach.name);
        values.put("trainedOn", coach.trainedOn == null ? null : coach.trainedOn.toString());
        return values;
    }

    /** A coach is trained only by VDAB's record of a session it attended (issue 19). */
    private static DomainProblem trainingByVdab() {
        return new DomainProblem(ProblemType.TRAINING_BY_VDAB, Text.of("training-by-vdab"));
    }
}
