package org.gapdesk.bundle;

/** Where the export of a numbered bundle stands. */
public enum BundleStatus {
    /**
     * The number is allocated and the files are being written. A bundle left in this state (the kiosk stopped
     * while writing) moved no request: its requests are still confirmed and go into the next bundle.
     */
    RESERVED,
    /** Written and verified; its requests were moved to exported. */
    WRITTEN,
    /** Writing failed; no request was moved and the number is never used again. */
    FAILED
}
