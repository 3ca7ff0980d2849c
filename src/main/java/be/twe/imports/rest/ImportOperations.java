package be.twe.imports.rest;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.ImportLine;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.TrajectoryInput;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.JsonProblems;
import be.twe.common.error.NestedProblem;
import be.twe.common.error.Text;
import be.twe.common.rest.CompleteBodies;
import be.twe.common.rest.IfMatch;
import be.twe.imports.service.LineOperations;
import be.twe.imports.service.ParsedLine;
import be.twe.instrument.rest.InstrumentMapper;
import be.twe.trajectory.rest.TrajectoryMapper;

/**
 * Reads one import line as the request of the single call it names: the line's fields validated
 * as that call's, and its body as that call's request body. A body that does not read is kept as
 * the line's refusal, which {@link ParsedLine#call} throws where the call would meet it.
 */
@ApplicationScoped
public class ImportOperations implements LineOperations {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    TrajectoryMapper trajectoryMapper;
    @Inject
    InstrumentMapper instrumentMapper;

    @Override
    public ParsedLine read(String text) {
        if (text.isBlank()) {
            throw new InvalidInputProblem(new Issue("body", "$", null, Text.of("line.empty")));
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
        ParsedLine.Operation operation = switch (line.getOperation()) {
            case CREATE_TRAJECTORY -> ParsedLine.Operation.CREATE_TRAJECTORY;
            case CREATE_OR_UPDATE_TRAJECTORY_BY_REFERENCE -> ParsedLine.Operation.PUT_TRAJECTORY;
            case CREATE_INSTRUMENT -> ParsedLine.Operation.CREATE_INSTRUMENT;
            case CREATE_OR_UPDATE_INSTRUMENT_BY_REFERENCE -> ParsedLine.Operation.PUT_INSTRUMENT;
        };
        Object input = null;
        DomainProblem refusal = null;
        try {
            input = switch (operation) {
                case CREATE_TRAJECTORY -> trajectoryMapper.toNew(input(body, TrajectoryInput.class, false));
                case PUT_TRAJECTORY -> trajectoryMapper.toNew(input(body, TrajectoryInput.class, true));
                case CREATE_INSTRUMENT -> instrumentMapper.toNew(input(body, InstrumentInput.class, false));
                case PUT_INSTRUMENT -> instrumentMapper.toNew(input(body, InstrumentInput.class, true));
            };
        } catch (DomainProblem e) {
            refusal = e;
        }
        return new ParsedLine(operation, line.getExternalReference(), line.getTrajectoryId(),
                line.getTrajectoryReference(), IfMatch.of(line.getIfMatch()), input, refusal);
    }

    /** The body as its call reads it: a replacing call's names every field ({@link CompleteBodies}). */
    private <T> T input(JsonNode body, Class<T> type, boolean replaces) {
        if (replaces && body != null) {
            List<Issue> missing = CompleteBodies.missing(json, json.constructType(type), body,
                    Set.of("externalReference"));
            if (!missing.isEmpty()) {
                throw new NestedProblem(new InvalidInputProblem(missing), "body.");
            }
        }
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
        InvalidInputProblem.throwIfAny(validator.validate(value), prefix);
    }
}
