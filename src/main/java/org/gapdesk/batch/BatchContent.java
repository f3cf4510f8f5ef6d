package org.gapdesk.batch;

import java.util.List;
import org.gapdesk.activation.ActivationRequest;

/**
 * A batch with its requests in worksheet order, as read in one go (what a worksheet is printed from).
 *
 * @param batch the batch
 * @param requests its requests, first position first
 */
public record BatchContent(Batch batch, List<ActivationRequest> requests) {
    public BatchContent {
        requests = List.copyOf(requests);
    }

    /** Number of distinct machines (a machine with Windows and Office is one machine, two requests). */
    public long machineCount() {
        return requests.stream().map(r -> r.machine().lab() + "\u0000" + r.machine().name()).distinct().count();
    }
}
