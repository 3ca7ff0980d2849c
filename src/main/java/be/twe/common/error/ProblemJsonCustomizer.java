package be.twe.common.error;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import be.twe.common.json.JsonMixins;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Problem bodies leave out absent members (traceId, currentETag, issues), while resources keep
 * explicit nulls for their nullable fields, as the contract says. A feature whose representations
 * leave out members that depend on the case says so in a customizer of its own.
 */
@Singleton
public class ProblemJsonCustomizer implements ObjectMapperCustomizer {

    /** Empty members left out; problems stored before {@code in} became {@code location} read back as written. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface StoredIssue {
        @JsonAlias("in")
        ProblemIssue.LocationEnum getLocation();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Problem.class, JsonMixins.OmitEmpty.class);
        mapper.addMixIn(ProblemIssue.class, StoredIssue.class);
    }
}
