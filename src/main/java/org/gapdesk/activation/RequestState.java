package org.gapdesk.activation;

import java.util.Locale;

/**
 * Where an activation request stands. The normal path is received, on worksheet, confirmed, exported,
 * then applied or failed. Superseded and KMS client are resting states: the request stays in the record
 * but is not worked on.
 */
public enum RequestState {
    /** Imported and waiting for a worksheet. */
    RECEIVED("received"),
    /** On an open worksheet batch. */
    ON_WORKSHEET("on worksheet"),
    /** A CID is on record for its IID (keyed in, or reused from the store). */
    CONFIRMED("confirmed"),
    /** Sent to the lab in a signed bundle. */
    EXPORTED("exported"),
    /** The lab reported the CID applied. */
    APPLIED("applied"),
    /** The lab reported a failure; the reason is in the history. */
    FAILED("failed"),
    /** A newer IID for the same machine and product replaced it. */
    SUPERSEDED("superseded"),
    /** A {@code Volume:GVLK} product: needs a KMS host or a MAK, not a telephone call. */
    KMS_CLIENT("KMS client");

    private final String label;

    RequestState(String label) {
        this.label = label;
    }

    /** The word shown to people. */
    public String label() {
        return label;
    }

    /** True while the request is still being worked on (a new import of its IID is a duplicate). */
    public boolean isOpen() {
        return this == RECEIVED || this == ON_WORKSHEET || this == CONFIRMED || this == EXPORTED;
    }

    /** Parses a state by its enum name or its label, ignoring case, spaces, hyphens and underscores. */
    public static RequestState parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (RequestState s : values()) {
            if (s.name().equals(key) || s.label.toUpperCase(Locale.ROOT).replace(' ', '_').equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + text + "'; one of: received, on_worksheet, confirmed,"
                + " exported, applied, failed, superseded, kms_client");
    }
}
