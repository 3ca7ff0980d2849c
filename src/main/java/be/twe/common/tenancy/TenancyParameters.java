package be.twe.common.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Hibernate resolves the tenancy filters' parameters through these suppliers on every query,
 * so no query can forget them. Without a request (start-up, background work) they resolve to
 * "nothing visible": the filters fail closed.
 */
public final class TenancyParameters {
    private TenancyParameters() {
    }

    static Optional<Caller> caller() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.of(container.instance(CallerContext.class).get().current());
    }

    public static class Unrestricted implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            return caller().map(Caller::unrestricted).orElse(false);
        }
    }

    public static class Self implements Supplier<String> {
        @Override
        public String get() {
            return caller().map(Caller::organisationId).orElse("");
        }
    }

    public static class VisibleOrganisations implements Supplier<String> {
        @Override
        public String get() {
            return caller().map(c -> String.join(",", c.visibleOrganisations())).orElse("");
        }
    }

    public static class ActingFor implements Supplier<String> {
        @Override
        public String get() {
            return caller().map(c -> String.join(",", c.actingFor())).orElse("");
        }
    }
}
