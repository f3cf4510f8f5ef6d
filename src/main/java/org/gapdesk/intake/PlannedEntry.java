package org.gapdesk.intake;

import java.util.List;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * One entry of a preview: what it is and what committing would do with it.
 *
 * @param file the file it came from
 * @param where where in the file
 * @param machine the machine
 * @param product the product
 * @param iid the validated IID, or null when rejected
 * @param outcome what happens to it
 * @param reason why, in words (names the group and expected check digit for a bad IID)
 * @param supersedes ids of open requests this entry replaces
 * @param storedCid the CID reused from the store, or null
 */
public record PlannedEntry(String file, String where, Machine machine, Product product, InstallationId iid,
        Outcome outcome, String reason, List<Long> supersedes, String storedCid) {
    public PlannedEntry {
        supersedes = List.copyOf(supersedes);
    }
}
