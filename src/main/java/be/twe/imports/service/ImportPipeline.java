package be.twe.imports.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import be.twe.api.model.Problem;
import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemResponses;
import be.twe.common.error.StoredProblems;
import be.twe.common.jobs.DaemonThreads;
import be.twe.common.metrics.DomainMeters;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.SystemWork;
import be.twe.imports.persistence.ImportLineRepository;
import be.twe.imports.persistence.ImportLineRepository.Result;
import be.twe.imports.persistence.ImportLineRepository.Status;
import be.twe.instrument.service.InstrumentBatch;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A batch of import lines as a pipeline (issue 31): the lines are taken and read, the records they
 * name are read in one statement per kind, the lines run in file order on those records with the
 * services' rule functions ({@link BatchCalls}), and what they made is written in one statement
 * per table with the lines' results, in one transaction. A refusal the rules give is the line's
 * result, as it is for the single call. Where that cannot be known beforehand (a change to an
 * existing record, or a constraint that another transaction's rows decide), the runner falls
 * back to running lines one by one, whose results are those of the single calls by construction.
 */
@ApplicationScoped
public class ImportPipeline {
    /** What a batch settled: the lines it ran, and whether the line after them needs a single call. */
    public record Settled(int lines, boolean singleCallNext) {
    }

    @Inject
    ImportLineRepository lines;
    @Inject
    LineOperations operations;
    @Inject
    SystemWork systemWork;
    @Inject
    TrajectoryBatch.Reader trajectories;
    @Inject
    InstrumentBatch.Reader instruments;
    @Inject
    Registrar registrar;
    @Inject
    CallerContext callers;
    @Inject
    Instance<ConstraintProblems> constraints;
    @Inject
    StoredProblems problems;
    @Inject
    DomainMeters meters;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("import-read-ahead"));

    /**
     * Runs the batch in one transaction. Throws when it could not be written (a constraint decided
     * otherwise, a concurrent change): nothing of it is then kept, and the caller runs its lines
     * one by one.
     */
    public Settled run(UUID importId, List<Integer> batch, Map<Integer, Read> readAhead) {
        Map<Integer, Result> results = new LinkedHashMap<>();
        Settled settled = QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, Read> read = read(importId, batch, readAhead);
            BatchCalls calls = calls(read.values().stream().map(Read::line).filter(Objects::nonNull).toList());
            Settled ran = runLines(batch, read, calls, results);
            calls.write();
            lines.recordAll(importId, results);
            return ran;
        });
        results.values().forEach(r -> meters.importLine(r.status() == Status.SUCCEEDED));
        return settled;
    }

    /** A line read as its call, or the refusal reading it gave. */
    record Read(ParsedLine line, Problem refusal) {
    }

    /**
     * Reads and parses lines on a thread of its own, while the batch before them is written (issue
     * 31: reading a batch's JSON was a seventh of its time, with a core idle). import_line has no
     * row-level security (the job it belongs to decides who sees it): named system work.
     */
    CompletableFuture<Map<Integer, Read>> readAhead(UUID importId, List<Integer> batch) {
        return CompletableFuture.supplyAsync(() -> parse(systemWork.inTransaction("import read-ahead",
                () -> lines.pendingText(importId, batch))), reader);
    }

    /** The batch's pending lines as read ahead, the others read now. */
    private Map<Integer, Read> read(UUID importId, List<Integer> batch, Map<Integer, Read> readAhead) {
        List<Integer> notRead = batch.stream().filter(line -> !readAhead.containsKey(line)).toList();
        Map<Integer, Read> now = notRead.isEmpty() ? Map.of() : parse(lines.pendingText(importId, notRead));
        Map<Integer, Read> read = new LinkedHashMap<>();
        for (int line : batch) {
            Read lineRead = readAhead.containsKey(line) ? readAhead.get(line) : now.get(line);
            if (lineRead != null) {
                read.put(line, lineRead); // one no longer pending fails the batch's record of results
            }
        }
        return read;
    }

    private Map<Integer, Read> parse(Map<Integer, String> texts) {
        Map<Integer, Read> read = new LinkedHashMap<>();
        texts.forEach((line, text) -> read.put(line, readLine(text)));
        return read;
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    /** Runs the lines in file order up to one that needs its single call; lines no longer pending are passed over. */
    private Settled runLines(List<Integer> batch, Map<Integer, Read> read, BatchCalls calls,
                             Map<Integer, Result> results) {
        int ran = 0;
        for (int line : batch) {
            Read lineRead = read.get(line);
            if (lineRead != null && lineRead.refusal() != null) {
                results.put(line, failed(lineRead.refusal()));
            } else if (lineRead != null) {
                try {
                    results.put(line, succeeded(lineRead.line().call(calls)));
                } catch (BatchCalls.SingleCallNeeded e) {
                    return new Settled(ran, true);
                } catch (DomainProblem e) {
                    results.put(line, failed(ProblemResponses.inEnglish(e)));
                }
            }
            ran++;
        }
        return new Settled(ran, false);
    }

    private Read readLine(String text) {
        try {
            return new Read(operations.read(text), null);
        } catch (DomainProblem e) {
            return new Read(null, ProblemResponses.inEnglish(e));
        }
    }

    private static Result succeeded(LineOutcome done) {
        return new Result(Status.SUCCEEDED, done.httpStatus(), done.resourceType(), done.resourceId(), done.path(),
                null);
    }

    private Result failed(Problem problem) {
        return new Result(Status.FAILED, problem.getStatus(), null, null, null, problems.write(problem));
    }

    /** The batch's calls on the records its lines name, each kind read in one statement. */
    private BatchCalls calls(List<ParsedLine> parsed) {
        String organisation = callers.current().organisationId();
        TrajectoryBatch trajectoryBatch = trajectories.read(organisation,
                distinct(parsed.stream().map(ParsedLine::namedTrajectoryReference).toList()),
                distinct(parsed.stream().map(ParsedLine::trajectoryId).toList()),
                distinct(parsed.stream().map(ParsedLine::namedClient).toList()));
        InstrumentBatch instrumentBatch = instruments.read(organisation, trajectoryBatch.ids(), distinct(parsed.stream()
                .filter(p -> p.operation() == ParsedLine.Operation.PUT_INSTRUMENT)
                .map(ParsedLine::externalReference).toList()));
        return new BatchCalls(trajectoryBatch, instrumentBatch, registrar, constraints);
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.stream().filter(Objects::nonNull).distinct().toList();
    }
}
