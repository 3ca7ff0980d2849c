package be.twe.common.error;

import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import be.twe.api.model.Problem;

/**
 * One provider per Jackson exception type: exception mappers are chosen by the closest type, so
 * each of these must be named to win over the framework's built-in ones.
 */
final class JsonMappers {
    private JsonMappers() {
    }

    @Provider
    public static class ParseMapper extends ProblemMapper<JsonParseException> {
        @Override
        protected Problem toProblem(JsonParseException e) {
            return JsonProblems.toProblem(e);
        }
    }

    @Provider
    public static class MappingMapper extends ProblemMapper<JsonMappingException> {
        @Override
        protected Problem toProblem(JsonMappingException e) {
            return JsonProblems.toProblem(e);
        }
    }

    @Provider
    public static class MismatchedInputMapper extends ProblemMapper<MismatchedInputException> {
        @Override
        protected Problem toProblem(MismatchedInputException e) {
            return JsonProblems.toProblem(e);
        }
    }
}
