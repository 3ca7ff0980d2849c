package be.twe.imports.rest;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.ImportLineResult;
import be.twe.common.json.JsonMixins;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** An import's report line has its record or its problem, and leaves out the other. */
@Singleton
public class ImportJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(ImportLineResult.class, JsonMixins.OmitNull.class);
    }
}
