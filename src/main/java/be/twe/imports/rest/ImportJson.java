package be.twe.imports.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.ImportLineResult;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** An import's report line has its record or its problem, and leaves out the other. */
@Singleton
public class ImportJson implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface OmitNull {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(ImportLineResult.class, OmitNull.class);
    }
}
