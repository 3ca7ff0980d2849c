package be.twe.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import be.twe.common.error.ContractIndex;

/**
 * The API lives under {@value #PATH} (ADR 0035). A request to a path of the contract without it,
 * the way version 0 was called, is answered {@code 308 Permanent Redirect} to the same path and
 * query under the base: method and body are kept, and no record is read before the redirect, so it
 * tells nothing a 404 would not. The contract's old address {@code /q/openapi} moves the same way.
 */
@ApplicationScoped
public class VersionedBase {
    /** The base path; {@code quarkus.rest.path}, the contract's {@code servers} and the Ingress name it too. */
    public static final String PATH = "/api/v1";
    private static final String OLD_CONTRACT = "/q/openapi";

    private final ContractIndex contract;

    VersionedBase(ContractIndex contract) {
        this.contract = contract;
    }

    void redirect(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            String path = context.normalizedPath();
            if (unversioned(path)) {
                String query = context.request().query();
                String target = (path.startsWith(OLD_CONTRACT) ? PATH + "/doc/openapi" + path.substring(OLD_CONTRACT.length())
                        : PATH + path) + (query == null ? "" : "?" + query);
                context.response().setStatusCode(308).putHeader(HttpHeaders.LOCATION, target).end();
            } else {
                context.next();
            }
        });
    }

    private boolean unversioned(String path) {
        if (path.startsWith(PATH + "/") || path.startsWith("/q/") && !path.startsWith(OLD_CONTRACT)) {
            return false;
        }
        return path.equals(OLD_CONTRACT) || path.startsWith(OLD_CONTRACT + ".") || contract.find(path).isPresent();
    }
}
