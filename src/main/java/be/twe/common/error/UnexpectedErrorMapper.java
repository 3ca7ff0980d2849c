package be.twe.common.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpClosedException;

import be.twe.api.model.Problem;
import be.twe.common.observability.TraceIds;

/**
 * The catch-all: a database that cannot be used now is a 503 with {@code Retry-After} (logged
 * once per outage), and so is a transaction PostgreSQL ended as a deadlock or serialization
 * failure (nothing was written; KeyLock keeps the known cases from getting here), and so is an identity provider that cannot be reached to verify a token
 * (quarkus-oidc logs that itself and tries again at the next request); a client that closed the
 * connection mid-body is no error of ours; anything else is logged with the request's trace id and
 * answers a generic 500, so that no class name, stack trace or SQL reaches the caller.
 */
@Provider
public class UnexpectedErrorMapper extends ProblemMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(Throwable e) {
        if (outage != null && DatabaseOutage.isUnavailability(e)) {
            outage.failed(e);
            return unavailable("unavailable.database");
        }
        if (outage != null && DatabaseOutage.isTransientConflict(e)) {
            // not an outage: nothing to log as one; the same request succeeds or meets the rule when repeated
            LOG.infof("A transaction ended by the database's conflict detection (%s): 503", DatabaseOutage.sqlState(e));
            return unavailable("unavailable.conflict");
        }
        if (outage != null && isIdentityProviderUnavailable(e)) {
            return unavailable("unavailable.identity-provider");
        }
        if (causedBy(e, HttpClosedException.class)) {
            // the client went away while its body arrived: nothing failed here, and nobody reads the answer
            LOG.debug("The connection closed before the request body was complete");
            return ProblemResponses.response(ProblemResponses.problem(ProblemType.UPLOAD_INCOMPLETE,
                    Text.of("upload-incomplete")));
        }
        return super.toResponse(e);
    }

    private Response unavailable(String why) {
        return Response.fromResponse(ProblemResponses.response(ProblemResponses.problem(
                        ProblemType.SERVICE_UNAVAILABLE, Text.of(why, outage.retryAfterSeconds()))))
                .header(HttpHeaders.RETRY_AFTER, outage.retryAfterSeconds()).build();
    }

    /** quarkus-oidc's failure to discover the issuer's metadata or keys, thrown while authenticating. */
    private static boolean isIdentityProviderUnavailable(Throwable e) {
        return causedBy(e, OIDCException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Problem toProblem(Throwable e) {
        String traceId = TraceIds.currentOrNew();
        LOG.errorf(e, "Unexpected error, traceId=%s", traceId);
        return ProblemResponses.problem(ProblemType.INTERNAL_ERROR,
                Text.of("internal-error")).traceId(traceId);
    }
}
