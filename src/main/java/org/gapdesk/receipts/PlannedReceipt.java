package org.gapdesk.receipts;

import org.gapdesk.activation.RequestState;

/**
 * One entry of a results file and what importing it does.
 *
 * @param where the element, e.g. {@code entries[3]}
 * @param requestId the request
 * @param machine the machine (or alias) from the file
 * @param outcome the lab's outcome: {@code applied}, {@code failed} or {@code skipped}
 * @param effect what happens to the request
 * @param from the request's state before
 * @param to the request's state after
 * @param message the readable reason or why nothing changes
 */
public record PlannedReceipt(String where, long requestId, String machine, String outcome, ReceiptEffect effect,
        RequestState from, RequestState to, String message) {
}
