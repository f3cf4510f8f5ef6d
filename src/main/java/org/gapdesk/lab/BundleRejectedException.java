package org.gapdesk.lab;

/** The lab refuses a bundle: the reason code and a message naming the file or field. */
public final class BundleRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final LabReason reason;

    public BundleRejectedException(LabReason reason, String message) {
        super(reason.code() + ": " + message);
        this.reason = reason;
    }

    public LabReason reason() {
        return reason;
    }
}
