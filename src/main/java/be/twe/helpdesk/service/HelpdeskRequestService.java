package be.twe.helpdesk.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Keyset;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.common.security.MissingRoleProblem;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.helpdesk.persistence.HelpdeskRegistrationEntity;
import be.twe.helpdesk.persistence.HelpdeskRequestEntity;
import be.twe.helpdesk.persistence.HelpdeskRequestKind;
import be.twe.helpdesk.persistence.HelpdeskRequestRepository;
import be.twe.helpdesk.persistence.HelpdeskRequestStatus;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryService;

/**
 * Requests to VDAB's helpdesk (issue 29): filed by whoever may write for the OCMW (its staff, a
 * cluster under a mandate, or VDAB's helpdesk taking one by phone), read by whoever may see the
 * OCMW's records, answered by VDAB's helpdesk once: answered, fulfilled with the registrations
 * it made on the OCMW's behalf, or refused with the reason.
 */
@ApplicationScoped
@Transactional
public class HelpdeskRequestService {
    /** The registrations a request names, by API name -> table. */
    private static final Map<String, String> REGISTRATION_TABLES = Map.of("trajectory", "trajectory",
            "instrument", "instrument", "transfer", "transfer");

    public record NewRequest(String ocmwId, HelpdeskRequestKind kind, UUID trajectoryId, String description) {
    }

    public record Registration(String resourceType, UUID resourceId) {
    }

    public record Answer(HelpdeskRequestStatus outcome, String answer, List<Registration> registrations) {
    }

    /** A request with the registrations made for it. */
    public record View(HelpdeskRequestEntity request, List<HelpdeskRegistrationEntity> registrations) {
    }

    @Inject
    HelpdeskRequestRepository requests;
    @Inject
    Registrar registrar;
    @Inject
    TrajectoryService trajectories;
    @Inject
    CallerContext callers;

    public View create(NewRequest in) {
        Registrar.Registration by = registrar.authoriseWrite(in.ocmwId(), Roles.HELPDESK);
        if (in.trajectoryId() != null) {
            TrajectoryRoot trajectory = trajectories.root(in.trajectoryId());
            if (!trajectory.ocmwId().equals(in.ocmwId())) {
                throw new InvalidInputProblem(Issue.body("trajectoryId", in.trajectoryId().toString(),
                        Text.of("trajectory-of-other-ocmw", trajectory.ocmwId(), in.ocmwId())));
            }
        }
        HelpdeskRequestEntity request = new HelpdeskRequestEntity();
        request.id = UUID.randomUUID();
        request.ocmwId = in.ocmwId();
        request.trajectoryId = in.trajectoryId();
        request.kind = in.kind();
        request.description = in.description();
        request.status = HelpdeskRequestStatus.OPEN;
        request.requestedBy = by.registeredBy();
        request.requestedAt = Timestamps.now();
        requests.persist(request);
        requests.flush();
        return new View(request, List.of());
    }

    public View get(UUID id) {
        HelpdeskRequestEntity request = find(id);
        return new View(request, requests.registrationsOf(List.of(id)));
    }

    public Slice<View> list(HelpdeskRequestStatus status, HelpdeskRequestKind kind, String ocmwId, int limit, String cursor) {
        Slice<HelpdeskRequestEntity> page = Slice.of(requests.list(status, kind, ocmwId,
                Keyset.after(cursor, OffsetDateTime::parse), limit + 1), limit, r -> Keyset.cursor(r.requestedAt, r.id));
        Map<UUID, List<HelpdeskRegistrationEntity>> made = requests.registrationsOf(
                page.items().stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(g -> g.requestId));
        return page.map(r -> new View(r, made.getOrDefault(r.id, List.of())));
    }

    /** VDAB's helpdesk answers an open request once. */
    public View answer(UUID id, IfMatch ifMatch, Answer in) {
        HelpdeskRequestEntity request = find(id);
        Caller caller = callers.current();
        if (!caller.unrestricted()) {
            throw new DomainProblem(ProblemType.VDAB_ONLY, Text.of("vdab-only.helpdesk"));
        }
        if (!caller.roles().contains(Roles.HELPDESK)) {
            throw new MissingRoleProblem(Roles.HELPDESK);
        }
        ifMatch.check(request.version);
        if (request.status != HelpdeskRequestStatus.OPEN) {
            throw new DomainProblem(ProblemType.ILLEGAL_TRANSITION,
                    Text.of("helpdesk-request-answered", id, request.status));
        }
        check(request, in);
        request.status = in.outcome();
        request.answer = in.answer();
        request.answeredAt = Timestamps.now();
        List<HelpdeskRegistrationEntity> made = new ArrayList<>();
        for (Registration registration : in.registrations()) {
            HelpdeskRegistrationEntity link = new HelpdeskRegistrationEntity();
            link.requestId = request.id;
            link.ocmwId = request.ocmwId;
            link.resourceType = registration.resourceType();
            link.resourceId = registration.resourceId();
            requests.getEntityManager().persist(link);
            made.add(link);
        }
        requests.flush();
        return new View(request, made);
    }

    private HelpdeskRequestEntity find(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("helpdesk request", id.toString()));
    }

    /** Fulfilled names what was registered; a refusal says why; registrations are the helpdesk's, for this OCMW. */
    private void check(HelpdeskRequestEntity request, Answer in) {
        List<Issue> issues = new ArrayList<>();
        if (in.outcome() == HelpdeskRequestStatus.FULFILLED && in.registrations().isEmpty()) {
            issues.add(Issue.body("registrations", null, Text.of("registrations.required")));
        }
        if (in.outcome() != HelpdeskRequestStatus.FULFILLED && !in.registrations().isEmpty()) {
            issues.add(Issue.body("registrations", null, Text.of("registrations.only-fulfilled")));
        }
        if (in.outcome() != HelpdeskRequestStatus.FULFILLED && (in.answer() == null || in.answer().isBlank())) {
            issues.add(Issue.body("answer", null, Text.of("answer.required", in.outcome())));
        }
        for (int i = 0; i < in.registrations().size(); i++) {
            Registration registration = in.registrations().get(i);
            if (!madeByHelpdeskFor(registration, request.ocmwId)) {
                issues.add(Issue.body("registrations[" + i + "].resourceId", registration.resourceId().toString(),
                        Text.of("registration.not-by-helpdesk", registration.resourceType(), request.ocmwId)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputProblem(issues);
        }
    }

    private boolean madeByHelpdeskFor(Registration registration, String ocmwId) {
        String table = REGISTRATION_TABLES.get(registration.resourceType()); // whitelisted: never the caller's text
        return ((Number) requests.getEntityManager().createNativeQuery(
                        "select count(*) from " + table + " where id = ?1 and ocmw_id = ?2 and on_behalf")
                .setParameter(1, registration.resourceId()).setParameter(2, ocmwId).getSingleResult()).intValue() == 1;
    }
}
