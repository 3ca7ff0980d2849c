package be.twe.common.error;

import java.util.Locale;

/**
 * The catalogue of every problem the API answers: its code and HTTP status, in one place; its
 * title in each language is {@code title.<code>} of the problem texts (problems_*.properties).
 * The contract's {@code Problem.code} enum lists exactly these codes ({@code ProblemCatalogueTest}
 * holds both against each other), so an integrator can read every code the API can send.
 * The code is the constant's name in lower case with hyphens.
 */
public enum ProblemType {
    // 400: the request itself is wrong
    INVALID_INPUT(ProblemKind.INVALID_INPUT),
    BAD_REQUEST(ProblemKind.INVALID_INPUT),
    UPLOAD_INCOMPLETE(ProblemKind.INVALID_INPUT),
    EMPTY_FILE(ProblemKind.INVALID_INPUT),
    CONTENT_DIGEST_REQUIRED(ProblemKind.INVALID_INPUT),
    CONTENT_DIGEST_MISMATCH(ProblemKind.INVALID_INPUT),
    REASON_TEXT_REQUIRED(ProblemKind.INVALID_INPUT),
    TRAJECTORY_END_REQUIRED(ProblemKind.INVALID_INPUT),
    // 401, 403: who the caller is
    UNAUTHENTICATED(ProblemKind.UNAUTHENTICATED),
    MISSING_ROLE(ProblemKind.FORBIDDEN),
    UNKNOWN_ORGANISATION(ProblemKind.FORBIDDEN),
    VDAB_ONLY(ProblemKind.FORBIDDEN),
    OCMW_ONLY(ProblemKind.FORBIDDEN),
    MANDATE_BY_OCMW(ProblemKind.FORBIDDEN),
    TRAINING_BY_VDAB(ProblemKind.FORBIDDEN),
    // 404-415: the resource and its representation
    NOT_FOUND(ProblemKind.NOT_FOUND),
    METHOD_NOT_ALLOWED(ProblemKind.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(ProblemKind.NOT_ACCEPTABLE),
    BODY_TIMEOUT(ProblemKind.REQUEST_TIMEOUT),
    DOCUMENT_VERSION_WITHDRAWN(ProblemKind.GONE),
    DOCUMENT_VERSION_ERASED(ProblemKind.GONE),
    PRECONDITION_FAILED(ProblemKind.PRECONDITION_FAILED),
    PRECONDITION_REQUIRED(ProblemKind.PRECONDITION_REQUIRED),
    PAYLOAD_TOO_LARGE(ProblemKind.PAYLOAD_TOO_LARGE),
    URI_TOO_LONG(ProblemKind.URI_TOO_LONG),
    UNSUPPORTED_MEDIA_TYPE(ProblemKind.UNSUPPORTED_MEDIA_TYPE),
    CONTENT_NOT_RECOGNISED(ProblemKind.UNSUPPORTED_MEDIA_TYPE),
    CONTENT_TYPE_MISMATCH(ProblemKind.UNSUPPORTED_MEDIA_TYPE),
    // 409: the current state
    CLIENT_HAS_OPEN_TRAJECTORY(ProblemKind.CONFLICT),
    DUPLICATE_EXTERNAL_REFERENCE(ProblemKind.CONFLICT),
    EXTERNAL_REFERENCE_IN_USE(ProblemKind.CONFLICT),
    TRAJECTORY_ENDED(ProblemKind.CONFLICT),
    INSTRUMENT_OVERLAP(ProblemKind.CONFLICT),
    INSTRUMENT_ENDED(ProblemKind.CONFLICT),
    MANDATE_OVERLAP(ProblemKind.CONFLICT),
    DOCUMENT_VERSION_ALREADY_WITHDRAWN(ProblemKind.CONFLICT),
    TRANSFER_ALREADY_OPEN(ProblemKind.CONFLICT),
    TRANSFER_NOT_TAKEN_OVER(ProblemKind.CONFLICT),
    ILLEGAL_TRANSITION(ProblemKind.CONFLICT),
    EXPORT_NOT_READY(ProblemKind.CONFLICT),
    // 422: a rule of the regulation or of the API
    UNKNOWN_OCMW(ProblemKind.RULE_VIOLATION),
    OCMW_MERGED(ProblemKind.RULE_VIOLATION),
    OCMW_NOT_YET_FORMED(ProblemKind.RULE_VIOLATION),
    UNKNOWN_CLUSTER(ProblemKind.RULE_VIOLATION),
    MANDATE_END_BEFORE_START(ProblemKind.RULE_VIOLATION),
    MANDATE_START_BY_VDAB(ProblemKind.RULE_VIOLATION),
    UNKNOWN_COACH(ProblemKind.RULE_VIOLATION),
    COACH_NOT_TRAINED(ProblemKind.RULE_VIOLATION),
    PARTNER_AGREEMENT_MISSING(ProblemKind.RULE_VIOLATION),
    TRAJECTORY_BEFORE_MEASURE(ProblemKind.RULE_VIOLATION),
    TRAJECTORY_END_BEFORE_START(ProblemKind.RULE_VIOLATION),
    TRAJECTORY_MAX_DURATION(ProblemKind.RULE_VIOLATION),
    OUTCOME_BEFORE_END(ProblemKind.RULE_VIOLATION),
    BVS_ABOLISHED(ProblemKind.RULE_VIOLATION),
    ART60_LATE_START(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_OUTSIDE_TRAJECTORY(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_MAX_DURATION(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_MAX_DURATION_UNKNOWN(ProblemKind.RULE_VIOLATION),
    TRAINING_NOT_RECOGNISED(ProblemKind.RULE_VIOLATION),
    TECHNICAL_TRAINING_REPEATED(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_AFTER_END(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_RUNNING(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_TYPE_FIXED(ProblemKind.RULE_VIOLATION),
    INSTRUMENT_END_OUTSIDE_PERIOD(ProblemKind.RULE_VIOLATION),
    TAKEOVER_NOT_IBO(ProblemKind.RULE_VIOLATION),
    TAKEOVER_BEFORE_END(ProblemKind.RULE_VIOLATION),
    REASON_SET_BY_API(ProblemKind.RULE_VIOLATION),
    CHANNEL_RESERVED_FOR_VDAB(ProblemKind.RULE_VIOLATION),
    TRANSFER_DATE_IN_FUTURE(ProblemKind.RULE_VIOLATION),
    TRANSFER_BEFORE_END(ProblemKind.RULE_VIOLATION),
    MAX_DURATION_NOT_REACHED(ProblemKind.RULE_VIOLATION),
    FOLLOW_UP_OUTSIDE_WINDOW(ProblemKind.RULE_VIOLATION),
    IDEMPOTENCY_KEY_REUSED(ProblemKind.RULE_VIOLATION),
    // 429, 431: the caller sends too much
    RATE_LIMITED(ProblemKind.TOO_MANY_REQUESTS),
    HEADERS_TOO_LARGE(ProblemKind.HEADERS_TOO_LARGE),
    // 5xx
    INTERNAL_ERROR(ProblemKind.INTERNAL),
    SERVICE_UNAVAILABLE(ProblemKind.UNAVAILABLE);

    private final ProblemKind kind;

    ProblemType(ProblemKind kind) {
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    public int status() {
        return kind.status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The title in English; {@link ProblemTexts} has it in each language. */
    public String title() {
        return ProblemTexts.title(this, ProblemLanguage.EN);
    }

    /** The type a framework answer of this status stands for (an unknown path, a wrong method...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.MISSING_ROLE;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 408 -> ProblemType.BODY_TIMEOUT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
        };
    }
}
