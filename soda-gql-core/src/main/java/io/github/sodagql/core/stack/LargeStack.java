package io.github.sodagql.core.stack;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work that recurses once per nesting level of its input (graphql-java's schema building, shaping and rendering a
 * deeply nested selection) runs here when a default thread stack is not enough. Input is limited to 400 levels
 * (see docs/configuration.md, "Limits"), which a 1 MB stack holds for parse and validation but not always for the
 * later stages on a pool thread; so those stages try on their own thread first and come here only on overflow.
 * The stack is reserved, not committed: it costs memory only as deep as the work goes.
 */
public final class LargeStack {
    public static final long BYTES = 256L << 20;

    private LargeStack() {}

    /** Runs {@code work} on a new thread with a {@value #BYTES}-byte stack and waits for it. */
    public static <T> T call(String threadName, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, threadName, BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // The work is bounded: finish it, and leave the interrupt for the caller.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /** Runs {@code work} here, and again on a large stack if it overflows this thread's (it must be pure). */
    public static <T> T retryingOnOverflow(String threadName, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            return call(threadName, work);
        }
    }
}
