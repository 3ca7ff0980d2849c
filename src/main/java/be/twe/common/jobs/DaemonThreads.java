package be.twe.common.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/** Threads of a job's helper (a writer or a reader beside the job's own thread), named for thread dumps. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Daemon threads named {@code name}: they never keep the JVM from stopping. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Waits for a helper's work; its failure is thrown as the helper threw it, for the job to handle. */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
