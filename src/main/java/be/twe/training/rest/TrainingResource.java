package be.twe.training.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import be.twe.api.TrainingApi;
import be.twe.api.model.TrainingAttendee;
import be.twe.api.model.TrainingAttendeeInput;
import be.twe.api.model.TrainingSession;
import be.twe.api.model.TrainingSessionInput;
import be.twe.common.rest.Links;
import be.twe.sync.idempotency.Idempotent;
import be.twe.training.service.TrainingService;
import io.quarkus.security.Authenticated;

public class TrainingResource implements TrainingApi {
    @Inject
    TrainingService service;
    @Inject
    Links links;

    @Override
    @Authenticated
    @Idempotent
    public Response createTrainingSession(TrainingSessionInput input, String idempotencyKey) {
        TrainingService.Session session = service.record(input.getHeldOn(), input.getTitle(),
                List.copyOf(input.getCoachIds()));
        return links.created(links.to("training-sessions", session.id())).entity(dto(session)).build();
    }

    @Override
    @Authenticated
    public Response getTrainingSession(UUID sessionId) {
        return Response.ok(dto(service.get(sessionId))).build();
    }

    @Override
    @Authenticated
    public Response recordTrainingAttendee(UUID sessionId, TrainingAttendeeInput input) {
        return Response.ok(dto(service.addAttendee(sessionId, input.getCoachId()))).build();
    }

    private static TrainingSession dto(TrainingService.Session session) {
        return new TrainingSession().id(session.id()).heldOn(session.heldOn()).title(session.title())
                .source(TrainingSession.SourceEnum.fromValue(session.source()))
                .attendees(session.attendees().stream().map(a -> new TrainingAttendee().coachId(a.coachId())
                        .coachName(a.coachName()).organisationId(a.organisationId())).toList());
    }
}
