package org.gapdesk.receipts;

/** A results file cannot be used; the message names the file and, where it can, the element. */
public final class ReceiptRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReceiptRejectedException(String message) {
        super(message);
    }
}
