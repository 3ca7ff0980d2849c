package be.twe.instrument.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.KeyLock;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.CallerContext;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentRepository;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.service.Registrar;

/**
 * Instruments addressed by the caller's own reference, unique per registering organisation
 * (constraint {@code instrument_registered_by_external_reference_key}).
 */
@ApplicationScoped
@Transactional
@Feeds
public class InstrumentReferences {
    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentService service;
    @Inject
    CallerContext callers;
    @Inject
    KeyLock lock;
    @Inject
    Registrar registrar;

    public record Put(InstrumentEntity instrument, boolean created) {
    }

    public InstrumentEntity get(UUID trajectoryId, String reference) {
        return instruments.byReference(registeredBy(), reference).filter(i -> i.trajectoryId.equals(trajectoryId))
                .orElseThrow(() -> new NotFoundProblem("instrument", reference));
    }

    /** Creates, leaves unchanged (the same values), or changes the instrument (with If-Match, every rule). */
    public Put put(UUID trajectoryId, String reference, NewInstrument in, IfMatch ifMatch) {
        lock.lock("instrument", registeredBy(), reference);
        InstrumentEntity existing = instruments.byReference(registeredBy(), reference).orElse(null);
        if (existing == null) {
            return new Put(service.create(trajectoryId, in, reference), true);
        }
        requireSameInstrument(existing, trajectoryId, in);
        if (NewInstrument.of(existing).equals(in)) {
            registrar.authoriseWrite(existing.ocmwId); // a write that changes nothing is still a write
            return new Put(service.get(trajectoryId, existing.id), false);
        }
        return new Put(service.update(trajectoryId, existing.id, ifMatch, in), false);
    }

    /** A reference keeps naming an instrument of one trajectory and type. */
    public static void requireSameInstrument(InstrumentEntity existing, UUID trajectoryId, NewInstrument in) {
        if (!existing.trajectoryId.equals(trajectoryId) || !existing.is(in.type())) {
            throw new DomainProblem(ProblemType.EXTERNAL_REFERENCE_IN_USE,
                    Text.of("external-reference-in-use.instrument"),
                    List.of(existing.trajectoryId.equals(trajectoryId)
                            ? Issue.body("type", null, Text.of("differs-from-referenced-instrument"))
                            : new Issue("path", "trajectoryId", null, Text.of("referenced-instrument-elsewhere"))));
        }
    }

    private String registeredBy() {
        return callers.current().organisationId();
    }
}
