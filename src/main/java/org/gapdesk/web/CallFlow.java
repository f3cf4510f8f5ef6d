package org.gapdesk.web;

import io.javalin.http.NotFoundResponse;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.batch.BatchException;
import org.gapdesk.batch.BatchService;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmationService;

/**
 * One CID keyed in call mode: handed to the {@link ConfirmationService} (the judge), and where call mode goes
 * once it is on record. Shared by the call page's form post and {@code POST /api/confirm}.
 */
final class CallFlow {
    private final BatchService batches;
    private final ConfirmationService confirmations;

    CallFlow(BatchService batches, ConfirmationService confirmations) {
        this.batches = batches;
        this.confirmations = confirmations;
    }

    /**
     * What became of a keyed CID.
     *
     * @param result the service's answer
     * @param next the page to show next once the CID is on record, else null
     */
    record Answer(ConfirmResult result, String next) {
    }

    /**
     * Records {@code cid} for request {@code requestId}.
     *
     * @param batchId the batch being worked through, or null for a request on its own
     * @throws NotFoundResponse when the batch does not exist or does not hold the request
     */
    Answer confirm(Long batchId, long requestId, String cid, boolean override, boolean replace, String operator) {
        if (batchId != null && queue(batchId).position(requestId) == 0) {
            throw new NotFoundResponse("request " + requestId + " is not on batch " + batchId);
        }
        ConfirmResult result = confirmations.confirm(requestId, cid, override, replace, operator);
        return new Answer(result, result.status().stored() ? nextAfter(batchId, requestId) : null);
    }

    /** The batch's requests in worksheet order, as they are now. */
    CallQueue queue(long batchId) {
        try {
            return new CallQueue(batches.content(batchId).requests());
        } catch (BatchException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }

    /**
     * Where to go once request {@code requestId} has its CID: the batch's next request still waiting for one
     * (going round), the batch's "all done" page, or for a request on its own, its detail page.
     */
    String nextAfter(Long batchId, long requestId) {
        if (batchId == null) {
            return "/requests/" + requestId;
        }
        String base = "/batches/" + batchId + "/call?";
        return queue(batchId).nextWaiting(requestId)
                .map(ActivationRequest::id)
                .map(next -> base + "request=" + next + "&stored=" + requestId)
                .orElse(base + "stored=" + requestId);
    }
}
