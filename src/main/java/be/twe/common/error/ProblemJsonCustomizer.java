package be.twe.common.error;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Problem bodies leave out absent members (traceId, currentETag, issues), while resources keep
 * explicit nulls for their nullable fields, as the contract says.
 */
@Singleton
public class ProblemJsonCustomizer implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface OmitEmpty {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Problem.class, OmitEmpty.class);
        mapper.addMixIn(ProblemIssue.class, OmitEmpty.class);
    }
}
