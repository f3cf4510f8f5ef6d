package org.gapdesk.store;

/** A database failure; the record is unchanged by the transaction that raised it. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(Throwable cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
