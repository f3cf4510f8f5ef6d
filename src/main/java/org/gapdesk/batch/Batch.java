package org.gapdesk.batch;

import java.time.Instant;

/**
 * A set of requests printed together on one worksheet.
 *
 * @param id batch number, printed on the worksheet
 * @param lab lab code
 * @param channel activation channel the worksheet is laid out for
 * @param state open or closed
 * @param entryCount number of requests (one IID each) on the batch
 * @param createdBy operator who created it
 * @param createdAt when it was created; the worksheet date
 * @param closedBy operator who closed it, or null while open
 * @param closedAt when it was closed, or null while open
 */
public record Batch(long id, String lab, ActivationChannel channel, BatchState state, int entryCount,
        String createdBy, Instant createdAt, String closedBy, Instant closedAt) {

    /** True while the batch is open. */
    public boolean isOpen() {
        return state == BatchState.OPEN;
    }
}
