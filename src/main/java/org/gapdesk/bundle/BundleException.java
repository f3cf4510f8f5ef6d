package org.gapdesk.bundle;

/**
 * An export or re-export that did not happen or did not finish, for a reason the operator can act on
 * (nothing to export, a batch of another lab, an unusable folder, a write that failed). The message says
 * what was and was not recorded.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
