package org.gapdesk.batch;

/** A batch request that cannot be carried out; the message says why, for the operator. Nothing was changed. */
public class BatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BatchException(String message) {
        super(message);
    }
}
