package org.gapdesk.receipts;

/** What importing one results entry does to its request. */
public enum ReceiptEffect {
    /** The request becomes applied. */
    APPLIED("applied"),
    /** The request becomes failed, or its failure reason changes. */
    FAILED("failed"),
    /** The lab skipped the entry: the request stays as it is and the skip is recorded in its history. */
    NOTED("skip noted"),
    /** Nothing changes: already recorded, or the request no longer waits for this bundle's result. */
    UNCHANGED("unchanged");

    private final String label;

    ReceiptEffect(String label) {
        this.label = label;
    }

    /** The word shown to people. */
    public String label() {
        return label;
    }
}
