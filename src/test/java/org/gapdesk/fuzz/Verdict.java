package org.gapdesk.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The only acceptable ends of feeding hostile input to a reader: a result, or the reader's own rejection with a
 * message. Anything else (another exception, an error, running past {@link #TIMEOUT}) fails the test.
 *
 * @param <T> the result type
 * @param value the result, or null when rejected
 * @param rejection the rejection, or null when read
 */
public record Verdict<T>(T value, Exception rejection) {
    /** Longest any single input may take; generous for slow CI machines, far below a hang. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** True when the reader rejected the input. */
    public boolean rejected() {
        return rejection != null;
    }

    /** The rejection's message (never blank for a rejection). */
    public String message() {
        return rejection == null ? null : rejection.getMessage();
    }

    /**
     * Runs {@code call} within {@link #TIMEOUT}; returns its result or its {@code rejectionType} exception (whose
     * message must not be blank), and fails on anything else.
     */
    public static <T> Verdict<T> of(Class<? extends Exception> rejectionType, Callable<T> call) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try {
                return new Verdict<>(call.call(), null);
            } catch (Exception e) {
                if (!rejectionType.isInstance(e)) {
                    throw new AssertionError("unexpected " + e, e);
                }
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("rejection without a message", e);
                }
                return new Verdict<>(null, e);
            }
        });
    }
}
