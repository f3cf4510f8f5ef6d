package org.gapdesk.store;

import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;

/**
 * A request to insert with {@link RequestRepository#insertAll}.
 *
 * @param machine the machine
 * @param product the product
 * @param iid the IID (unique among the requests of one call)
 * @param state first state
 * @param cid CID digits when confirmed from the store, else null
 * @param cidReused true when the CID came from the store
 * @param detail first history event
 */
public record NewRequest(Machine machine, Product product, InstallationId iid, RequestState state, String cid,
        boolean cidReused, String detail) {
}
