package be.twe.support;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.TrajectoryInput;

/**
 * Request bodies built from the contract's generated models (issue 33): a field the contract
 * renames or retypes breaks a test's compilation, not its run. A body a test means to be wrong
 * stays a map, with {@link Api#invalid}.
 */
public final class Requests {
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final JsonMapper EVERY_FIELD = JSON.rebuild()
            .serializationInclusion(JsonInclude.Include.ALWAYS).build();

    private Requests() {
    }

    /** The model as the JSON a client sends: fields it does not set are left out. */
    public static String json(Object model) {
        return write(JSON, model);
    }

    /**
     * The model as the body of a PUT, which names every field of its schema (ADR 0017): the fields
     * it does not set as null.
     */
    public static String replacing(Object model) {
        return write(EVERY_FIELD, model);
    }

    private static String write(JsonMapper mapper, Object model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A trajectory of a new client (an INSZ never used before in this run). */
    public static TrajectoryInput trajectory(String ocmwId, UUID coachId, String startDate) {
        return new TrajectoryInput(ocmwId, TestData.newInsz(), LocalDate.parse(startDate), coachId);
    }

    /** An instrument at an employer: a BVS, WES or IBO (an art. 60 §7 employment or a training needs more). */
    public static InstrumentInput instrument(InstrumentType type, String startDate, String plannedEndDate,
                                             UUID coachId) {
        return new InstrumentInput().type(type).employer("Werkgever").startDate(LocalDate.parse(startDate))
                .plannedEndDate(LocalDate.parse(plannedEndDate)).coachId(coachId);
    }

    /** A work-experience (WES) instrument at a bakery. */
    public static InstrumentInput wes(UUID coachId, String startDate, String plannedEndDate) {
        return instrument(InstrumentType.WES, startDate, plannedEndDate, coachId).employer("Bakkerij Peeters");
    }

    /** A follow-up action VDAB took, from {@code startDate}. */
    public static FollowUpActionInput followUp(FollowUpActionType type, LocalDate startDate) {
        return new FollowUpActionInput().type(type).startDate(startDate);
    }
}
