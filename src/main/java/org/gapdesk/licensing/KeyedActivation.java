package org.gapdesk.licensing;

import java.time.Instant;
import org.gapdesk.activation.Product;

/**
 * One activation that cost a call: an IID whose Confirmation ID was keyed in (not reused from the store),
 * counted once however often its CID was re-keyed.
 *
 * @param iid the Installation ID digits
 * @param at when the first CID for this IID was recorded (a re-keyed CID keeps the first time)
 * @param requestId the lowest-numbered request with this IID and a keyed CID
 * @param lab lab of that request
 * @param machine machine of that request
 * @param product product of that request; its partial key names the MAK spent
 */
public record KeyedActivation(String iid, Instant at, long requestId, String lab, String machine, Product product) {

    /** The partial product key upper-cased, or null when the request carried none. */
    public String partialKey() {
        return MakPoolSnapshot.normalKey(product.partialKey());
    }
}
