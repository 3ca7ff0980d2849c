package be.twe.exports.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.ExportJob;
import be.twe.api.model.Problem;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** An export has its problem only when it failed. */
@Singleton
public class ExportJson implements ObjectMapperCustomizer {

    private interface OmitNullProblem {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Problem getProblem();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(ExportJob.class, OmitNullProblem.class);
    }
}
