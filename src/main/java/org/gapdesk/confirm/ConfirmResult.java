package org.gapdesk.confirm;

import java.util.List;

/**
 * The answer to one keyed-in CID.
 *
 * @param status what happened
 * @param message the reason or the confirmation, in words for the operator
 * @param requestId the request concerned, or null when none was found
 * @param failedBlocks block letters whose check digit failed (empty when all pass)
 * @param cidOnRecord the CID digits on record before this entry, or null
 */
public record ConfirmResult(ConfirmStatus status, String message, Long requestId, List<Character> failedBlocks,
        String cidOnRecord) {
    public ConfirmResult {
        failedBlocks = List.copyOf(failedBlocks);
    }

    static ConfirmResult refused(String message, Long requestId) {
        return new ConfirmResult(ConfirmStatus.REFUSED, message, requestId, List.of(), null);
    }
}
