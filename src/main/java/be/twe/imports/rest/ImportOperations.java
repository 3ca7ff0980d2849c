package be.twe.imports.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.ImportLine;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.TrajectoryInput;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.JsonProblems;
import be.twe.common.error.NestedProblem;
import be.twe.imports.service.LineOperations;
import be.twe.imports.service.LineOutcome;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.rest.InstrumentMapper;
import be.twe.instrument.service.NewInstrument;
import be.twe.instrument.service.InstrumentReferences;
import be.twe.instrument.service.InstrumentService;
import be.twe.trajectory.rest.TrajectoryMapper;
import be.twe.trajectory.service.TrajectoryReferences;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.trajectory.service.TrajectoryView;

/**
 * One import line as the single call it names: read and validated like that call's request, then
 * handed to the same service. Runs inside the line's transaction; every refusal is an exception.
 */
@ApplicationScoped
public class ImportOperations implements LineOperations {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    TrajectoryService trajectories;
    @Inject
    TrajectoryReferences trajectoryReferences;
    @Inject
    TrajectoryMapper trajectoryMapper;
    @Inject
    InstrumentService instruments;
    @Inject
    InstrumentReferences instrumentReferences;
    @Inject
    InstrumentMapper instrumentMapper;

    @Override
    public LineOutcome run(String text) {
        if (text.isBlank()) {
            throw new InvalidInputProblem(new Issue("body", "$", null, "Empty line."));
        }
        JsonNode tree;
        ImportLine line;
        try {
            tree = json.readTree(text);
            line = json.treeToValue(tree, ImportLine.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.invalidInput(e, "");
        }
        validate(line, "");
        JsonNode body = tree.get("body");
        return switch (line.getOperation()) {
            case CREATE_TRAJECTORY -> {
                TrajectoryService.NewTrajectory in = newTrajectory(body);
                yield trajectory(service(() -> trajectories.create(in)), true);
            }
            case CREATE_OR_UPDATE_TRAJECTORY_BY_REFERENCE -> {
                String reference = reference(line);
                TrajectoryService.NewTrajectory in = newTrajectory(body);
                TrajectoryReferences.Put put = service(() -> trajectoryReferences.put(reference, in, line.getIfMatch()));
                yield trajectory(put.trajectory(), put.created());
            }
            case CREATE_INSTRUMENT -> {
                UUID trajectoryId = trajectoryOf(line);
                NewInstrument in = instrumentMapper.toNew(input(body, InstrumentInput.class));
                yield instrument(service(() -> instruments.create(trajectoryId, in)), true);
            }
            case CREATE_OR_UPDATE_INSTRUMENT_BY_REFERENCE -> {
                UUID trajectoryId = trajectoryOf(line);
                String reference = reference(line);
                NewInstrument in = instrumentMapper.toNew(input(body, InstrumentInput.class));
                InstrumentReferences.Put put = service(() -> instrumentReferences.put(trajectoryId, reference, in,
                        line.getIfMatch()));
                yield instrument(put.instrument(), put.created());
            }
        };
    }

    /** A service names the fields of the body it was given; in a line they sit under {@code body}. */
    private static <T> T service(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputProblem e) {
            throw new NestedProblem(e, "body.");
        }
    }

    private TrajectoryService.NewTrajectory newTrajectory(JsonNode body) {
        return trajectoryMapper.toNew(input(body, TrajectoryInput.class));
    }

    private <T> T input(JsonNode body, Class<T> type) {
        T input;
        try {
            input = json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.invalidInput(e, "body.");
        }
        validate(input, "body.");
        return input;
    }

    private <T> void validate(T value, String prefix) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidInputProblem(violations.stream()
                    .map(v -> Issue.body(prefix + v.getPropertyPath(), null, v.getMessage()))
                    .sorted(Comparator.comparing(Issue::name)).toList());
        }
    }

    private static String reference(ImportLine line) {
        if (line.getExternalReference() == null) {
            throw new InvalidInputProblem(Issue.body("externalReference", null,
                    "Required for " + line.getOperation() + "."));
        }
        return line.getExternalReference();
    }

    /** The instrument's trajectory: by id, or by the caller's reference (also one made earlier in the file). */
    private UUID trajectoryOf(ImportLine line) {
        if ((line.getTrajectoryId() == null) == (line.getTrajectoryReference() == null)) {
            throw new InvalidInputProblem(List.of(
                    Issue.body("trajectoryId", null, "Give exactly one of trajectoryId and trajectoryReference."),
                    Issue.body("trajectoryReference", null, "Give exactly one of trajectoryId and trajectoryReference.")));
        }
        return line.getTrajectoryId() != null ? line.getTrajectoryId()
                : trajectoryReferences.get(line.getTrajectoryReference()).trajectory().id;
    }

    private static LineOutcome trajectory(TrajectoryView view, boolean created) {
        UUID id = view.trajectory().id;
        return new LineOutcome(created ? 201 : 200, "trajectory", id, "/trajectories/" + id);
    }

    private static LineOutcome instrument(InstrumentEntity instrument, boolean created) {
        return new LineOutcome(created ? 201 : 200, "instrument", instrument.id,
                "/trajectories/" + instrument.trajectoryId + "/instruments/" + instrument.id);
    }
}
