package be.twe.imports.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.twe.api.model.Problem;
import be.twe.imports.service.ImportPipeline.Read;
import be.twe.imports.service.ParsedLine.Operation;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;

/** Which batches of an import may run side by side: those that name no trajectory and no client in common. */
class BatchKeysTest {
    private static final UUID COACH = UUID.randomUUID();

    @Test
    void batchesNamingDifferentTrajectoriesAndClientsAreIndependent() {
        assertTrue(BatchKeys.independent(List.of(trajectory("a", "85073100328"), instrument("a")),
                List.of(trajectory("b", "90020199734"), instrument("b"), refusedOnReading())));
    }

    @Test
    void aTrajectoryReferenceInBothMakesThemRunInOrder() {
        // the second batch's instrument goes on the trajectory the first one makes
        assertFalse(BatchKeys.independent(List.of(trajectory("a", "85073100328")), List.of(instrument("a"))));
    }

    @Test
    void aClientInBothMakesThemRunInOrder() {
        // one open trajectory per client: the second is refused only after the first exists
        assertFalse(BatchKeys.independent(List.of(trajectory("a", "85073100328")),
                List.of(trajectory("b", "85073100328"))));
    }

    @Test
    void aTrajectoryNamedByIdOrALineNotReadMakesThemRunInOrder() {
        Read byId = new Read(new ParsedLine(Operation.CREATE_INSTRUMENT, null, UUID.randomUUID(), null, null, null,
                null), null);
        assertFalse(BatchKeys.independent(List.of(trajectory("a", "85073100328")), List.of(byId)));
        assertFalse(BatchKeys.independent(Arrays.asList(trajectory("a", "85073100328"), null),
                List.of(instrument("b"))));
    }

    private static Read trajectory(String reference, String insz) {
        return new Read(new ParsedLine(Operation.PUT_TRAJECTORY, reference, null, null, null,
                new NewTrajectory("ocmw-44021", insz, LocalDate.of(2024, 1, 1), COACH, reference), null), null);
    }

    private static Read instrument(String trajectoryReference) {
        return new Read(new ParsedLine(Operation.CREATE_INSTRUMENT, null, null, trajectoryReference, null, null, null),
                null);
    }

    private static Read refusedOnReading() {
        return new Read(null, new Problem());
    }
}
