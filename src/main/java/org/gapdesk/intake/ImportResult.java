package org.gapdesk.intake;

import java.util.List;

/**
 * What an import stored.
 *
 * @param preview the plan as it was committed
 * @param createdRequestIds ids of the requests created, in entry order
 */
public record ImportResult(ImportPreview preview, List<Long> createdRequestIds) {
    public ImportResult {
        createdRequestIds = List.copyOf(createdRequestIds);
    }
}
