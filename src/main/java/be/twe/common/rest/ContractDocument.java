package be.twe.common.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import be.twe.common.error.ContractIndex;

/**
 * The contract at {@code /api/v1/doc/openapi} (also {@code .yaml}, {@code .yml}, {@code .json}: the
 * Belgif REST guide's doc resource): the bundle of openapi.yaml itself (ADR 0016), as YAML unless
 * the path, {@code format=json} or an Accept of JSON asks for JSON. It is read on its first request,
 * off the event loop.
 * smallrye-openapi 3.34 renders its own document in both formats at every start
 * (quarkusio/quarkus#54826), 0.3-0.4 s of the start here (ADR 0045); it is given none to render
 * ({@code ignore-static-document}), and this route, ahead of smallrye's, serves the contract.
 */
@ApplicationScoped
public class ContractDocument {
    private static final String PATH = VersionedBase.PATH + "/doc/openapi";

    private volatile Buffer yaml;
    private volatile Buffer json;

    void serve(@Observes Router router) {
        for (String path : new String[] {PATH, PATH + ".yaml", PATH + ".yml", PATH + ".json"}) {
            router.route(path).order(Integer.MIN_VALUE + 10).method(HttpMethod.GET).method(HttpMethod.HEAD)
                    .blockingHandler(this::answer, false);
        }
    }

    private void answer(RoutingContext context) {
        boolean asJson = context.normalizedPath().endsWith(".json")
                || context.normalizedPath().equals(PATH) && ("json".equalsIgnoreCase(context.queryParams().get("format"))
                        || String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT)).contains("application/json"));
        context.response().putHeader(HttpHeaders.CONTENT_TYPE,
                asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8");
        context.response().end(asJson ? json() : yaml());
    }

    private Buffer yaml() {
        if (yaml == null) {
            try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(ContractIndex.CONTRACT)) {
                yaml = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return yaml;
    }

    private Buffer json() {
        if (json == null) {
            try {
                json = Buffer.buffer(new ObjectMapper().writeValueAsBytes(
                        new ObjectMapper(new YAMLFactory()).readTree(yaml().getBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
