package be.twe.common.error;

import java.util.Locale;

/**
 * The catalogue of every problem the API answers: its code, HTTP status and title, in one place.
 * The contract's {@code Problem.code} enum lists exactly these codes ({@code ProblemCatalogueTest}
 * holds both against each other), so an integrator can read every code the API can send.
 * The code is the constant's name in lower case with hyphens.
 */
public enum ProblemType {
    // 400: the request itself is wrong
    INVALID_INPUT(ProblemKind.INVALID_INPUT, "Invalid input"),
    BAD_REQUEST(ProblemKind.INVALID_INPUT, "Bad request"),
    UPLOAD_INCOMPLETE(ProblemKind.INVALID_INPUT, "Upload incomplete"),
    EMPTY_FILE(ProblemKind.INVALID_INPUT, "Empty file"),
    CONTENT_DIGEST_REQUIRED(ProblemKind.INVALID_INPUT, "Content-Digest required"),
    CONTENT_DIGEST_MISMATCH(ProblemKind.INVALID_INPUT, "Content digest mismatch"),
    REASON_TEXT_REQUIRED(ProblemKind.INVALID_INPUT, "Reason text required"),
    TRAJECTORY_END_REQUIRED(ProblemKind.INVALID_INPUT, "Trajectory end required"),
    // 401, 403: who the caller is
    UNAUTHENTICATED(ProblemKind.UNAUTHENTICATED, "Unauthenticated"),
    MISSING_ROLE(ProblemKind.FORBIDDEN, "Missing role"),
    UNKNOWN_ORGANISATION(ProblemKind.FORBIDDEN, "Unknown organisation"),
    VDAB_ONLY(ProblemKind.FORBIDDEN, "VDAB only"),
    OCMW_ONLY(ProblemKind.FORBIDDEN, "OCMW only"),
    MANDATE_BY_OCMW(ProblemKind.FORBIDDEN, "Changed by its OCMW only"),
    TRAINING_BY_VDAB(ProblemKind.FORBIDDEN, "Training recorded by VDAB"),
    // 404-415: the resource and its representation
    NOT_FOUND(ProblemKind.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(ProblemKind.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(ProblemKind.NOT_ACCEPTABLE, "Not acceptable"),
    BODY_TIMEOUT(ProblemKind.REQUEST_TIMEOUT, "Body too slow"),
    DOCUMENT_VERSION_WITHDRAWN(ProblemKind.GONE, "Version withdrawn"),
    DOCUMENT_VERSION_ERASED(ProblemKind.GONE, "Content erased"),
    PRECONDITION_FAILED(ProblemKind.PRECONDITION_FAILED, "Stale version"),
    PRECONDITION_REQUIRED(ProblemKind.PRECONDITION_REQUIRED, "If-Match required"),
    PAYLOAD_TOO_LARGE(ProblemKind.PAYLOAD_TOO_LARGE, "Payload too large"),
    URI_TOO_LONG(ProblemKind.URI_TOO_LONG, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    CONTENT_NOT_RECOGNISED(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Content not recognised"),
    CONTENT_TYPE_MISMATCH(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Content type mismatch"),
    // 409: the current state
    CLIENT_HAS_OPEN_TRAJECTORY(ProblemKind.CONFLICT, "Client has an open trajectory"),
    DUPLICATE_EXTERNAL_REFERENCE(ProblemKind.CONFLICT, "Duplicate external reference"),
    EXTERNAL_REFERENCE_IN_USE(ProblemKind.CONFLICT, "Reference used for another record"),
    TRAJECTORY_ENDED(ProblemKind.CONFLICT, "Trajectory already ended"),
    INSTRUMENT_OVERLAP(ProblemKind.CONFLICT, "Instruments overlap"),
    INSTRUMENT_ENDED(ProblemKind.CONFLICT, "Instrument already ended"),
    MANDATE_OVERLAP(ProblemKind.CONFLICT, "Mandates overlap"),
    DOCUMENT_VERSION_ALREADY_WITHDRAWN(ProblemKind.CONFLICT, "Already withdrawn"),
    TRANSFER_ALREADY_OPEN(ProblemKind.CONFLICT, "Transfer already open"),
    TRANSFER_NOT_TAKEN_OVER(ProblemKind.CONFLICT, "Transfer not taken over"),
    ILLEGAL_TRANSITION(ProblemKind.CONFLICT, "Illegal transition"),
    EXPORT_NOT_READY(ProblemKind.CONFLICT, "Export not ready"),
    // 422: a rule of the regulation or of the API
    UNKNOWN_OCMW(ProblemKind.RULE_VIOLATION, "Unknown OCMW"),
    OCMW_MERGED(ProblemKind.RULE_VIOLATION, "OCMW merged"),
    OCMW_NOT_YET_FORMED(ProblemKind.RULE_VIOLATION, "OCMW not yet formed"),
    UNKNOWN_CLUSTER(ProblemKind.RULE_VIOLATION, "Unknown cluster"),
    MANDATE_END_BEFORE_START(ProblemKind.RULE_VIOLATION, "Mandate ends before it starts"),
    MANDATE_START_BY_VDAB(ProblemKind.RULE_VIOLATION, "Start corrected by VDAB only"),
    UNKNOWN_COACH(ProblemKind.RULE_VIOLATION, "Unknown coach"),
    COACH_NOT_TRAINED(ProblemKind.RULE_VIOLATION, "Coach not trained"),
    PARTNER_AGREEMENT_MISSING(ProblemKind.RULE_VIOLATION, "Partner agreement missing"),
    TRAJECTORY_BEFORE_MEASURE(ProblemKind.RULE_VIOLATION, "Before TWE-OCMW"),
    TRAJECTORY_END_BEFORE_START(ProblemKind.RULE_VIOLATION, "End before start"),
    TRAJECTORY_MAX_DURATION(ProblemKind.RULE_VIOLATION, "Maximum duration exceeded"),
    OUTCOME_BEFORE_END(ProblemKind.RULE_VIOLATION, "Outcome before the end"),
    BVS_ABOLISHED(ProblemKind.RULE_VIOLATION, "BVS abolished"),
    ART60_LATE_START(ProblemKind.RULE_VIOLATION, "Art. 60 §7 starts too late"),
    INSTRUMENT_OUTSIDE_TRAJECTORY(ProblemKind.RULE_VIOLATION, "Outside the trajectory"),
    INSTRUMENT_MAX_DURATION(ProblemKind.RULE_VIOLATION, "Maximum duration exceeded"),
    INSTRUMENT_MAX_DURATION_UNKNOWN(ProblemKind.RULE_VIOLATION, "Maximum duration unknown"),
    TRAINING_NOT_RECOGNISED(ProblemKind.RULE_VIOLATION, "Training not recognised"),
    TECHNICAL_TRAINING_REPEATED(ProblemKind.RULE_VIOLATION, "Second technical training"),
    INSTRUMENT_AFTER_END(ProblemKind.RULE_VIOLATION, "Instrument after the end"),
    INSTRUMENT_RUNNING(ProblemKind.RULE_VIOLATION, "Instrument still running"),
    INSTRUMENT_TYPE_FIXED(ProblemKind.RULE_VIOLATION, "Type cannot change"),
    INSTRUMENT_END_OUTSIDE_PERIOD(ProblemKind.RULE_VIOLATION, "End outside the instrument"),
    TAKEOVER_NOT_IBO(ProblemKind.RULE_VIOLATION, "Only an IBO is taken over"),
    TAKEOVER_BEFORE_END(ProblemKind.RULE_VIOLATION, "Taken over at the trajectory's end"),
    REASON_SET_BY_API(ProblemKind.RULE_VIOLATION, "Reason set by the API"),
    CHANNEL_RESERVED_FOR_VDAB(ProblemKind.RULE_VIOLATION, "Channel reserved for VDAB"),
    TRANSFER_DATE_IN_FUTURE(ProblemKind.RULE_VIOLATION, "Transfer date in the future"),
    TRANSFER_BEFORE_END(ProblemKind.RULE_VIOLATION, "Transfer before the end"),
    MAX_DURATION_NOT_REACHED(ProblemKind.RULE_VIOLATION, "Maximum duration not reached"),
    FOLLOW_UP_OUTSIDE_WINDOW(ProblemKind.RULE_VIOLATION, "Follow-up outside 12 months"),
    IDEMPOTENCY_KEY_REUSED(ProblemKind.RULE_VIOLATION, "Idempotency key used for another request"),
    // 429, 431: the caller sends too much
    RATE_LIMITED(ProblemKind.TOO_MANY_REQUESTS, "Too many requests"),
    HEADERS_TOO_LARGE(ProblemKind.HEADERS_TOO_LARGE, "Request headers too large"),
    // 5xx
    INTERNAL_ERROR(ProblemKind.INTERNAL, "Internal error"),
    SERVICE_UNAVAILABLE(ProblemKind.UNAVAILABLE, "Service unavailable");

    private final ProblemKind kind;
    private final String title;

    ProblemType(ProblemKind kind, String title) {
        this.kind = kind;
        this.title = title;
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

    public String title() {
        return title;
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
