package org.gapdesk.bundle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.RequestRepository;

/** Selects what the next bundle of a lab holds: its confirmed requests, or those of one batch. */
final class PendingEntries {
    private final BundleRepository bundles;
    private final RequestRepository requests;
    private final BundleLimits limits;

    PendingEntries(BundleRepository bundles, RequestRepository requests, BundleLimits limits) {
        this.bundles = bundles;
        this.requests = requests;
        this.limits = limits;
    }

    /**
     * The entries in bundle order; at most one more than {@link BundleLimits#maxEntries()}, so a caller can
     * tell that there are too many.
     *
     * @param batchId only the confirmed requests of this batch, or null for every confirmed request of the lab
     * @throws BundleException when the batch does not exist or belongs to another lab
     */
    List<BundleEntry> select(Connection c, String lab, Long batchId) throws SQLException {
        Set<Long> inBatch = null;
        if (batchId != null) {
            Optional<String> batchLab = bundles.batchLab(c, batchId);
            if (batchLab.isEmpty()) {
                throw new BundleException("there is no batch " + batchId);
            }
            if (!batchLab.get().equals(lab)) {
                throw new BundleException("batch " + batchId + " is for lab " + batchLab.get() + ", not " + lab);
            }
            inBatch = bundles.batchRequestIds(c, batchId);
        }
        List<BundleEntry> out = new ArrayList<>();
        for (ActivationRequest r : requests.list(c, lab, RequestState.CONFIRMED, null, limits.maxEntries() + 1)) {
            if (inBatch != null && !inBatch.contains(r.id())) {
                continue;
            }
            if (r.cid() == null) {
                throw new IllegalStateException("request " + r.id() + " is confirmed but has no CID");
            }
            out.add(new BundleEntry(r.id(), r.machine().name(), r.machine().alias(), r.product().activationId(),
                    r.product().applicationId(), r.product().name(), r.iid().digits(), r.cid()));
        }
        out.sort(BundleEntry.ORDER);
        return out;
    }
}
