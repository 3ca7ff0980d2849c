package be.twe.common.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.exports.service.ExportRunner;
import be.twe.imports.service.ImportRunner;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A job whose submitter can no longer be acted as (the organisation merged away after the
 * submission) is settled by the worker with that refusal, for each kind of job: every import line
 * fails with it, the export finishes failed with it; nothing is made as that user.
 */
@QuarkusTest
class RefusedSubmitterTest {
    @Inject
    TestData data;
    @Inject
    JobWorker worker;
    @Inject
    ImportRunner imports;
    @Inject
    ExportRunner exports;

    String merged;

    @BeforeEach
    void mergedOrganisation() {
        merged = data.newMergedOcmw(data.newOcmw(), LocalDate.of(2024, 12, 31));
    }

    @Test
    void everyLineOfTheImportFailsWithTheRefusal() {
        UUID id = UUID.randomUUID();
        data.execute("insert into import_job (id, organisation_id, subject, roles, line_count) "
                + "values (?1, ?2, 'gone-user', 'coach', 2)", id, merged);
        for (int line = 1; line <= 2; line++) {
            data.execute("insert into import_line (import_id, line, request) values (?1, ?2, '{}')", id, line);
        }
        assertTrue(worker.run(imports, id));
        assertEquals(List.of("1|FAILED|403|unknown-organisation", "2|FAILED|403|unknown-organisation"),
                data.rows("select line, status, http_status, problem->>'code' from import_line "
                        + "where import_id = ?1 order by line", id));
        assertEquals(1, data.count("select count(*) from import_job where id = ?1 and finished_at is not null", id));
    }

    @Test
    void theExportFinishesFailedWithTheRefusal() {
        UUID id = UUID.randomUUID();
        data.execute("insert into export_job (id, organisation_id, subject, roles, since, submitted_at) "
                + "values (?1, ?2, 'gone-user', 'coach', 0, now())", id, merged);
        assertTrue(worker.run(exports, id));
        assertEquals(List.of("unknown-organisation|0|true"), data.rows("select problem->>'code', "
                + "(select count(*) from export_line where export_id = ?1), finished_at is not null "
                + "from export_job where id = ?1", id));
    }

    @Test
    void aFinishedJobIsLeftAlone() {
        UUID id = UUID.randomUUID();
        data.execute("insert into export_job (id, organisation_id, subject, roles, since, submitted_at, finished_at, "
                + "records, deletions) values (?1, ?2, 'gone-user', 'coach', 0, now(), now(), 0, 0)", id, merged);
        assertTrue(worker.run(exports, id));
        assertEquals(List.of("null|0|0"), data.rows("select problem->>'code', records, "
                + "(select count(*) from export_line where export_id = ?1) from export_job where id = ?1", id));
    }
}
