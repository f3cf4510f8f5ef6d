package org.gapdesk.confirm;

/**
 * Told by {@link ConfirmationService} after a keyed-in CID has been stored and its transaction committed (status
 * {@link ConfirmStatus#STORED}). It runs on the caller's thread after the confirmation is final: what it does
 * cannot undo or fail the confirmation, and an exception it throws is logged and dropped.
 */
@FunctionalInterface
public interface CidStoredListener {
    /** Does nothing. */
    CidStoredListener NONE = (requestId, partialKey, operator) -> { };

    /**
     * @param requestId the request that took the CID
     * @param partialKey the last five characters of the request's product key as the lab reported them, or null
     * @param operator who keyed the CID
     */
    void cidStored(long requestId, String partialKey, String operator);
}
