package org.gapdesk.bundle;

/** A bundle, or one of its files, is refused for {@link #reason()}; the message says what and where. */
public final class BundleFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final VerificationReason reason;

    public BundleFormatException(VerificationReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public VerificationReason reason() {
        return reason;
    }
}
