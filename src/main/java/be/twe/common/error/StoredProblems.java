package be.twe.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.Problem;

/** Problems kept in the database as JSON (a failed import line, a failed export) and read back as written. */
@ApplicationScoped
public class StoredProblems {
    @Inject
    ObjectMapper json;

    public String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is always serialisable", e);
        }
    }

    /** The stored problem, or null when none was stored. */
    public Problem read(String text) {
        try {
            return text == null ? null : json.readValue(text, Problem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored problem is always readable", e);
        }
    }
}
