package be.twe.sync.idempotency;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.WrittenTransaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

/**
 * Makes an {@link Idempotent} create safe to retry. The key is claimed, the record created and the
 * response stored in one transaction, so a key is remembered exactly when its record exists, and a
 * failed create leaves no key behind. Runs after parameter validation (priority above the
 * validation interceptor's), so the key has been checked against the contract.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    HttpServerRequest request;
    @Inject
    CallerContext callers;
    @Inject
    IdempotencyKeys keys;
    @Inject
    ObjectMapper json;
    @Inject
    WrittenTransaction written;

    @AroundInvoke
    Object createOnce(InvocationContext context) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return context.proceed();
        }
        IdempotencyKeys.KeyScope scope = scope(context);
        String fingerprint = fingerprint(context);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<StoredResponse> earlier = keys.claim(scope, key, fingerprint);
            if (earlier.isPresent()) {
                return replay(earlier.get(), key, fingerprint);
            }
            Response response = (Response) context.proceed();
            keys.store(scope, key, response.getStatus(), json.writeValueAsString(response.getEntity()),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG));
            return response;
        });
    }

    private IdempotencyKeys.KeyScope scope(InvocationContext context) {
        Caller caller = callers.current();
        Idempotent idempotent = context.getMethod().getAnnotation(Idempotent.class);
        return new IdempotencyKeys.KeyScope(caller.organisationId(),
                idempotent != null && idempotent.perUser() ? caller.subject() : "");
    }

    private Response replay(StoredResponse earlier, String key, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedProblem(key);
        }
        written.replayOf(earlier.transaction());
        return Response.status(earlier.status()).entity(earlier.body()).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.LOCATION, earlier.location()).header(HttpHeaders.ETAG, earlier.etag())
                .header(REPLAYED, "true").build();
    }

    /** The operation and its arguments as JSON; a file body counts through its Content-Digest argument. */
    private String fingerprint(InvocationContext context) throws JsonProcessingException {
        List<Object> parts = new ArrayList<>();
        parts.add(context.getMethod().getName());
        Arrays.stream(context.getParameters()).filter(p -> !(p instanceof InputStream)).forEach(parts::add);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(json.writeValueAsString(parts)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
