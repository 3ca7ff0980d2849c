package be.twe.common.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.Config;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a {@link SpooledBody} operation's body before it runs: up to 256 KiB in memory, beyond
 * that into a temporary file readable only by the service's user, deleted when the operation
 * ends. A declared {@code Content-Length} over the operation's maximum is a 413 before reading,
 * a body that grows over it a 413 as soon as it does, and a body that has not fully arrived
 * within {@code twe.http.body-timeout} a 408. A refused body is not read to its end: the
 * connection is closed after the answer. Runs after parameter validation (a request refused on
 * its parameters is not read) and before the idempotency interceptor opens its transaction.
 */
@SpooledBody(maxSize = "")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 850)
public class BodySpooler {
    private static final int IN_MEMORY = 256 * 1024;

    @Inject
    HttpSettings settings;
    @Inject
    Config config;
    @Inject
    HttpServerRequest request;

    @AroundInvoke
    Object spool(InvocationContext context) throws Exception {
        long maxSize = config.getValue(context.getMethod().getAnnotation(SpooledBody.class).maxSize(),
                MemorySize.class).asLongValue();
        Object[] parameters = context.getParameters();
        Path file = null;
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof InputStream body) {
                    Spool spool = read(body, maxSize);
                    file = spool.file();
                    parameters[i] = spool.open();
                }
            }
            context.setParameters(parameters);
            return context.proceed();
        } finally {
            deleteQuietly(file);
        }
    }

    private record Spool(byte[] bytes, Path file) {
        InputStream open() throws IOException {
            return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }
    }

    private Spool read(InputStream in, long maxSize) {
        String declared = request.getHeader("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > maxSize) {
            throw refused(DomainProblem.payloadTooLarge(maxSize));
        }
        Instant deadline = Instant.now().plus(settings.bodyTimeout());
        byte[] buffer = new byte[16 * 1024];
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        long size = 0;
        Path file = null;
        OutputStream out = memory;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > maxSize) {
                    throw refused(DomainProblem.payloadTooLarge(maxSize));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw refused(new DomainProblem(ProblemType.BODY_TIMEOUT,
                            Text.of("body-timeout", settings.bodyTimeout().toSeconds())));
                }
                if (file == null && size > IN_MEMORY) {
                    file = Files.createTempFile("twe-body-", ".spool"); // owner-only on POSIX systems
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            out.close();
            return new Spool(memory == null ? null : memory.toByteArray(), file);
        } catch (IOException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw new InvalidInputProblem(ProblemType.UPLOAD_INCOMPLETE,
                    Text.of("body-incomplete"), Issue.body("body", null, Text.of("incomplete")));
        } catch (RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw e;
        }
    }

    /** The rest of a refused body is not waited for: the connection ends with the answer. */
    private DomainProblem refused(DomainProblem problem) {
        request.response().putHeader("Connection", "close")
                .bodyEndHandler(written -> request.connection().close());
        return problem;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // only the spool file's stream, deleted next
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the operating system cleans up
            }
        }
    }
}
