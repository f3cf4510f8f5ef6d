package org.gapdesk.intake;

/** What an import does with one entry. */
public enum Outcome {
    /** A new request, queued for a worksheet. */
    NEW("new", true),
    /** A new request that replaces an open one for the same machine and product (a new IID). */
    SUPERSEDES("supersedes older", true),
    /** A new request confirmed at once with the CID on record for this IID: no call, no MAK activation. */
    REUSED_FROM_STORE("CID reused from store", true),
    /** A KMS client ({@code Volume:GVLK}): recorded and flagged, not queued for the phone. */
    KMS_CLIENT("KMS client, not queued", true),
    /** The IID is already an open request, or appears earlier in this import: nothing stored. */
    ALREADY_KNOWN("already known", false),
    /** The entry is invalid: nothing stored for it. */
    REJECTED("rejected", false);

    private final String label;
    private final boolean stores;

    Outcome(String label, boolean stores) {
        this.label = label;
        this.stores = stores;
    }

    /** The words shown in the preview. */
    public String label() {
        return label;
    }

    /** True when the entry becomes a stored request. */
    public boolean stores() {
        return stores;
    }
}
