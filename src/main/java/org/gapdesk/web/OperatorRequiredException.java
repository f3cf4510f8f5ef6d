package org.gapdesk.web;

/**
 * A request that needs a signed-in operator came without one. A page asked for by GET is sent to sign in,
 * which then returns to {@link #next()}; anything else (a change, the API) answers 401.
 */
final class OperatorRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String next;
    private final boolean ended;

    OperatorRequiredException(String next) {
        this(next, "sign in first: every change records who made it", false);
    }

    /**
     * @param next the page to return to once signed in
     * @param ended true when the browser had a session that has ended (idle timeout, restart)
     */
    OperatorRequiredException(String next, String message, boolean ended) {
        super(message, null, false, false);
        this.next = next;
        this.ended = ended;
    }

    /** The page to return to once signed in. */
    String next() {
        return next;
    }

    /** True when a session had ended (so sign-in can say why). */
    boolean ended() {
        return ended;
    }
}
