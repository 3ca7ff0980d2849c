package be.twe.exports.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import be.twe.api.ExportsApi;
import be.twe.api.model.ExportJob;
import be.twe.api.model.ExportStatus;
import be.twe.common.error.StoredProblems;
import be.twe.common.rest.Links;
import be.twe.exports.persistence.ExportJobEntity;
import be.twe.exports.persistence.ExportJobRepository.Block;
import be.twe.exports.service.ExportService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;

public class ExportResource implements ExportsApi {
    @Inject
    Links links;
    /** Blocks of lines read at a time: a block holds up to 500 lines (ExportRunner). */
    private static final int CHUNK = 4;

    @Inject
    ExportService service;
    @Inject
    StoredProblems problems;

    @Override
    @Authenticated
    @Idempotent(perUser = true)
    public Response createExport(Long since, String idempotencyKey) {
        ExportJobEntity job = service.submit(since);
        return links.accepted(toDto(job), links.to("exports", job.id)).build();
    }

    @Override
    @Authenticated
    public Response getExport(UUID exportId) {
        return Response.ok(toDto(service.get(exportId))).build();
    }

    /** Streams the blocks of lines, a few at a time, each read in a short transaction of its own. */
    @Override
    @Authenticated
    public Response downloadExport(UUID exportId) {
        service.readable(exportId);
        StreamingOutput content = out -> {
            int after = 0;
            for (List<Block> chunk = chunk(exportId, after); !chunk.isEmpty(); chunk = chunk(exportId, after)) {
                for (Block block : chunk) {
                    write(out, block.content());
                    after = block.line();
                }
            }
        };
        return Response.ok(content, "application/x-ndjson").build();
    }

    private List<Block> chunk(UUID exportId, int after) {
        return QuarkusTransaction.requiringNew().call(() -> service.content(exportId, after, CHUNK));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private ExportJob toDto(ExportJobEntity job) {
        ExportStatus status = job.finishedAt == null ? (job.startedAt == null ? ExportStatus.QUEUED : ExportStatus.RUNNING)
                : job.problem == null ? ExportStatus.FINISHED : ExportStatus.FAILED;
        return new ExportJob().id(job.id).status(status).since(job.since).position(job.upTo).records(job.records)
                .deletions(job.deletions).submittedAt(job.submittedAt).startedAt(job.startedAt)
                .finishedAt(job.finishedAt).problem(problems.read(job.problem))
                .content(links.to("exports", job.id, "content"));
    }
}
