package be.twe.imports.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NestedProblem;
import be.twe.common.error.Text;
import be.twe.common.rest.IfMatch;
import be.twe.instrument.service.NewInstrument;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;

/**
 * An import line read as the call it names: the call's fields, and its body read as that call's
 * request, or the refusal reading it gave. {@link #call(LineCalls)} runs the checks and the call in
 * the order the single call meets them, whoever carries the call out (ADR 0027, issue 31).
 */
public record ParsedLine(Operation operation, String externalReference, UUID trajectoryId,
                         String trajectoryReference, IfMatch ifMatch, Object body, DomainProblem bodyRefusal) {

    public enum Operation { CREATE_TRAJECTORY, PUT_TRAJECTORY, CREATE_INSTRUMENT, PUT_INSTRUMENT }

    /** The line's outcome; a refusal is thrown. */
    public LineOutcome call(LineCalls calls) {
        return switch (operation) {
            case CREATE_TRAJECTORY -> {
                NewTrajectory in = body(NewTrajectory.class);
                yield service(() -> calls.createTrajectory(in));
            }
            case PUT_TRAJECTORY -> {
                String reference = reference();
                NewTrajectory in = body(NewTrajectory.class);
                yield service(() -> calls.putTrajectory(reference, in, ifMatch));
            }
            case CREATE_INSTRUMENT -> {
                UUID trajectory = trajectory(calls);
                NewInstrument in = body(NewInstrument.class);
                yield service(() -> calls.createInstrument(trajectory, in));
            }
            case PUT_INSTRUMENT -> {
                UUID trajectory = trajectory(calls);
                String reference = reference();
                NewInstrument in = body(NewInstrument.class);
                yield service(() -> calls.putInstrument(trajectory, reference, in, ifMatch));
            }
        };
    }

    /** The trajectory reference a line names, for a batch to read the trajectories of its lines at once. */
    public String namedTrajectoryReference() {
        return switch (operation) {
            case PUT_TRAJECTORY -> externalReference;
            case CREATE_TRAJECTORY -> body instanceof NewTrajectory t ? t.externalReference() : null;
            default -> trajectoryReference;
        };
    }

    /** The client a trajectory line names, null for other lines or a body that did not read. */
    public String namedClient() {
        return body instanceof NewTrajectory t ? t.clientInsz() : null;
    }

    private <T> T body(Class<T> type) {
        if (bodyRefusal != null) {
            throw bodyRefusal;
        }
        return type.cast(body);
    }

    private String reference() {
        if (externalReference == null) {
            throw new InvalidInputProblem(Issue.body("externalReference", null, Text.of("reference.required", wireName())));
        }
        return externalReference;
    }

    /** The instrument's trajectory: by id, or by the caller's reference (also one made earlier in the file). */
    private UUID trajectory(LineCalls calls) {
        if ((trajectoryId == null) == (trajectoryReference == null)) {
            throw new InvalidInputProblem(List.of(
                    Issue.body("trajectoryId", null, Text.of("trajectory.one-of")),
                    Issue.body("trajectoryReference", null, Text.of("trajectory.one-of"))));
        }
        return trajectoryId != null ? trajectoryId : calls.trajectoryByReference(trajectoryReference);
    }

    /** A service names the fields of the body it was given; in a line they sit under {@code body}. */
    private static LineOutcome service(Supplier<LineOutcome> call) {
        try {
            return call.get();
        } catch (InvalidInputProblem e) {
            throw new NestedProblem(e, "body.");
        }
    }

    private String wireName() {
        return switch (operation) {
            case CREATE_TRAJECTORY -> "createTrajectory";
            case PUT_TRAJECTORY -> "createOrUpdateTrajectoryByReference";
            case CREATE_INSTRUMENT -> "createInstrument";
            case PUT_INSTRUMENT -> "createOrUpdateInstrumentByReference";
        };
    }
}
