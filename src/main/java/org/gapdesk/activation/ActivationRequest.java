package org.gapdesk.activation;

import java.time.Instant;

/**
 * One IID of one product on one machine, and where it stands.
 *
 * @param id record id
 * @param machine the machine
 * @param product the product the IID was shown for
 * @param iid the Installation ID
 * @param state lifecycle state
 * @param cid the Confirmation ID digits once confirmed, else null
 * @param cidReused true when the CID came from the store without a call
 * @param supersededBy id of the request that replaced this one, or null
 * @param importId the import that brought it in
 * @param createdAt when it was imported
 * @param updatedAt last state change
 */
public record ActivationRequest(long id, Machine machine, Product product, InstallationId iid, RequestState state,
        String cid, boolean cidReused, Long supersededBy, long importId, Instant createdAt, Instant updatedAt) {
}
