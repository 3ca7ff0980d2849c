package be.twe.common.error;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import be.twe.common.observability.TraceIds;

/**
 * Builds RFC 9457 responses, in English or Dutch by the request's Accept-Language (ADR 0037); the
 * only place that knows the problem type URN and media type.
 */
public final class ProblemResponses {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:problem-type:twe:";
    private static final Pattern SAFE_TEXT = Pattern.compile(ConstraintViolationMapper.SAFE_TEXT);

    private ProblemResponses() {
    }

    /** A problem with an English-only detail: the whole problem is then in English. */
    public static Problem problem(ProblemType type, String detail) {
        return problem(type, Text.literal(detail));
    }

    public static Problem problem(ProblemType type, Text detail) {
        return render(type, detail, List.of(), ProblemLanguage.current());
    }

    /**
     * The problem in the caller's language when each of its texts exists in it, else wholly in
     * English: one answer is never in two languages (its Content-Language says which).
     */
    private static Problem render(ProblemType type, Text detail, List<Issue> issues, ProblemLanguage asked) {
        ProblemLanguage language = asked == ProblemLanguage.EN || ProblemTexts.has(asked, detail)
                && issues.stream().allMatch(i -> i.text() == null || ProblemTexts.has(asked, i.text()))
                ? asked : ProblemLanguage.EN;
        Problem problem = new Problem()
                .type(TYPE_PREFIX + type.code())
                .code(Problem.CodeEnum.fromValue(type.code()))
                .title(ProblemTexts.title(type, language))
                .status(type.status())
                .detail(ProblemTexts.format(language, detail));
        issues.forEach(i -> problem.addIssuesItem(new ProblemIssue()
                .location(ProblemIssue.LocationEnum.fromValue(i.in()))
                .name(i.name())
                .value(echoable(i.value()) ? i.value() : null)
                .detail(i.text() == null ? null : ProblemTexts.format(language, i.text()))));
        return problem;
    }

    /**
     * A rejected value goes back only as the contract allows an issue's value: short, and without
     * control characters (a NUL sent in a path would otherwise come back in the problem).
     */
    private static boolean echoable(String value) {
        return value != null && value.length() <= 2000 && SAFE_TEXT.matcher(value).matches();
    }

    /** The problem in the language of the current request. */
    public static Problem of(DomainProblem e) {
        return of(e, ProblemLanguage.current());
    }

    /** In English, whoever asks: a problem kept for later (an import line's result). */
    public static Problem inEnglish(DomainProblem e) {
        return of(e, ProblemLanguage.EN);
    }

    static Problem of(DomainProblem e, ProblemLanguage language) {
        Problem problem = render(e.type(), e.detail(), e.issues(), language);
        e.addExtras(problem);
        return problem;
    }

    /** The language a problem is written in: its title says it. */
    public static ProblemLanguage languageOf(Problem problem) {
        ProblemType type = ProblemType.valueOf(problem.getCode().toString().toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_'));
        return ProblemTexts.title(type, ProblemLanguage.NL).equals(problem.getTitle()) ? ProblemLanguage.NL
                : ProblemLanguage.EN;
    }

    /** The problem as the answer to the current request, carrying that request's trace id. */
    public static Response response(Problem problem) {
        if (problem.getTraceId() == null) {
            problem.setTraceId(TraceIds.current());
        }
        return Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.CONTENT_LANGUAGE, languageOf(problem).tag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
