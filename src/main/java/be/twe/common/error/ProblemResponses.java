package be.twe.common.error;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import be.twe.common.observability.TraceIds;

/** Builds RFC 9457 responses; the only place that knows the problem type URN and media type. */
public final class ProblemResponses {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:problem-type:twe:";
    private static final Pattern SAFE_TEXT = Pattern.compile(ConstraintViolationMapper.SAFE_TEXT);

    private ProblemResponses() {
    }

    public static Problem problem(ProblemType type, String detail) {
        return new Problem()
                .type(TYPE_PREFIX + type.code())
                .code(Problem.CodeEnum.fromValue(type.code()))
                .title(type.title())
                .status(type.status())
                .detail(detail);
    }

    public static Problem withIssues(Problem problem, List<Issue> issues) {
        issues.forEach(i -> problem.addIssuesItem(new ProblemIssue()
                .location(ProblemIssue.LocationEnum.fromValue(i.in()))
                .name(i.name())
                .value(echoable(i.value()) ? i.value() : null)
                .detail(i.detail())));
        return problem;
    }

    /**
     * A rejected value goes back only as the contract allows an issue's value: short, and without
     * control characters (a NUL sent in a path would otherwise come back in the problem).
     */
    private static boolean echoable(String value) {
        return value != null && value.length() <= 2000 && SAFE_TEXT.matcher(value).matches();
    }

    public static Problem of(DomainProblem e) {
        Problem problem = withIssues(problem(e.type(), e.getMessage()), e.issues());
        e.addExtras(problem);
        return problem;
    }

    /** The problem as the answer to the current request, carrying that request's trace id. */
    public static Response response(Problem problem) {
        if (problem.getTraceId() == null) {
            problem.setTraceId(TraceIds.current());
        }
        return Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(problem).build();
    }
}
