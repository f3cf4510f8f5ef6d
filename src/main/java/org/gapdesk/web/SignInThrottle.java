package org.gapdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A throttle across all names, on top of the per-name one of the operator record: after {@code limit} failed
 * sign-ins within {@code window}, every sign-in waits until the oldest of them is older than the window. This
 * stops guessing spread over many names. In memory only; the per-name throttle is the one that survives a
 * restart.
 */
final class SignInThrottle {
    /** Failures allowed within {@link #WINDOW} across all names. */
    static final int LIMIT = 30;
    /** The window the failures are counted in. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final ArrayDeque<Instant> failures = new ArrayDeque<>();

    SignInThrottle(Clock clock) {
        this(clock, LIMIT, WINDOW);
    }

    SignInThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Why a sign-in may not be tried now, or null when it may. */
    synchronized String refusal() {
        Instant now = clock.instant();
        prune(now);
        if (failures.size() < limit) {
            return null;
        }
        long wait = Math.max(1, Duration.between(now, failures.peekFirst().plus(window)).toSeconds());
        return "Too many failed sign-ins at this kiosk: try again after " + wait + " s.";
    }

    /** Counts one failed sign-in. */
    synchronized void failed() {
        Instant now = clock.instant();
        prune(now);
        failures.addLast(now);
        while (failures.size() > limit) {
            failures.removeFirst();
        }
    }

    private void prune(Instant now) {
        while (!failures.isEmpty() && !failures.peekFirst().plus(window).isAfter(now)) {
            failures.removeFirst();
        }
    }
}
