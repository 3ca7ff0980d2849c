package be.twe.common.error;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import be.twe.api.model.Problem;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/** Bean-validation failures of request parameters and bodies: 400 naming each field. */
@Provider
public class ConstraintViolationMapper extends ProblemMapper<ResteasyReactiveViolationException> {
    /** The contract's pattern for free text (OWASP: every string restricted): no control characters. */
    static final String SAFE_TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final Text PRECONDITION_REQUIRED = Text.of("precondition-required");

    @Override
    protected Problem toProblem(ResteasyReactiveViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ConstraintViolationMapper::isReturnValue)) {
            return new UnexpectedErrorMapper().toProblem(e); // our response broke the contract: a bug
        }
        if (e.getConstraintViolations().stream().anyMatch(ConstraintViolationMapper::isMissingIfMatch)) {
            // the contract requires If-Match; its absence is RFC 6585's 428, not a malformed request
            return ProblemResponses.of(new DomainProblem(ProblemType.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED));
        }
        List<Issue> issues = e.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::issue)
                .sorted(Comparator.comparing(Issue::name))
                .toList();
        return ProblemResponses.of(new InvalidInputProblem(issues));
    }

    private static boolean isMissingIfMatch(ConstraintViolation<?> v) {
        RequestLocation location = RequestLocation.of(v);
        return v.getInvalidValue() == null && "header".equals(location.in())
                && HttpHeaders.IF_MATCH.equalsIgnoreCase(location.name());
    }

    /** Bean validation's own messages are in the request's language already (quarkus.locales). */
    private static Text message(ConstraintViolation<?> v) {
        if (v.getConstraintDescriptor().getAnnotation() instanceof Pattern pattern && SAFE_TEXT.equals(pattern.regexp())) {
            return Text.of("no-control-characters");
        }
        return Text.of("validation", v.getMessage());
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static Issue issue(ConstraintViolation<?> v) {
        RequestLocation location = RequestLocation.of(v);
        Object value = v.getInvalidValue();
        String text = value == null || !location.echoValue() ? null : String.valueOf(value);
        return new Issue(location.in(), location.name(), text, message(v));
    }
}
