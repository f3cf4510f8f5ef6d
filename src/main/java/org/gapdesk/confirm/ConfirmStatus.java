package org.gapdesk.confirm;

/** What became of a keyed-in CID. */
public enum ConfirmStatus {
    /** Stored for the IID; the request is confirmed. */
    STORED,
    /** The same CID was already on record; the request is confirmed. */
    UNCHANGED,
    /** A block fails its check digit: nothing stored until the operator re-listens and overrides. */
    CHECK_WARNING,
    /** The IID already has a different CID on record: nothing stored until the operator confirms replacing it. */
    DIFFERENT_CID_ON_RECORD,
    /** Refused: the CID or IID is malformed, or the request cannot take a CID; the message says why. */
    REFUSED;

    /** True when the CID is now on record. */
    public boolean stored() {
        return this == STORED || this == UNCHANGED;
    }
}
