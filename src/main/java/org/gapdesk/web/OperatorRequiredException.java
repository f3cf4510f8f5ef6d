package org.gapdesk.web;

/**
 * A state-changing request came without an operator. Pages are redirected to the operator chooser, which
 * then returns to {@link #next()}; the API answers 401.
 */
final class OperatorRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String next;

    OperatorRequiredException(String next) {
        super("choose an operator first: every change records who made it");
        this.next = next;
    }

    /** The page to return to once an operator is chosen. */
    String next() {
        return next;
    }
}
