package org.gapdesk.batch;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;

/**
 * Which requests of a lab go on a new batch. KMS clients never do, nor requests already on an open batch.
 *
 * @param lab lab code (required)
 * @param states states to pick from: {@code RECEIVED}, and {@code ON_WORKSHEET} for requests whose batch was
 *     closed without a CID; empty means {@code RECEIVED} only
 * @param product Activation ID (exact, any case) or text found in the product name, or null for all products
 * @param requestIds only these requests (still subject to the other criteria); empty means all
 */
public record BatchCriteria(String lab, Set<RequestState> states, String product, Set<Long> requestIds) {
    private static final Set<RequestState> PICKABLE = EnumSet.of(RequestState.RECEIVED, RequestState.ON_WORKSHEET);

    public BatchCriteria {
        if (lab == null || lab.isBlank()) {
            throw new BatchException("choose a lab for the batch");
        }
        lab = lab.strip();
        states = states == null || states.isEmpty() ? EnumSet.of(RequestState.RECEIVED) : EnumSet.copyOf(states);
        for (RequestState s : states) {
            if (!PICKABLE.contains(s)) {
                throw new BatchException("requests in state '" + s.label()
                        + "' cannot go on a worksheet; pick received or on worksheet");
            }
        }
        states = Set.copyOf(states);
        product = product == null || product.isBlank() ? null : product.strip();
        requestIds = requestIds == null ? Set.of() : Set.copyOf(requestIds);
    }

    /** All received requests of the lab: the default batch. */
    public static BatchCriteria received(String lab) {
        return new BatchCriteria(lab, null, null, null);
    }

    /** The same criteria limited to one product (Activation ID or part of the product name). */
    public BatchCriteria withProduct(String productFilter) {
        return new BatchCriteria(lab, states, productFilter, requestIds);
    }

    /** The same criteria limited to these requests. */
    public BatchCriteria withRequestIds(Set<Long> ids) {
        return new BatchCriteria(lab, states, product, ids);
    }

    /** True if the request fits these criteria (the open-batch rule is checked separately, in the record). */
    public boolean matches(ActivationRequest r) {
        if (!r.machine().lab().equalsIgnoreCase(lab) || !states.contains(r.state()) || r.product().isKmsClient()) {
            return false;
        }
        if (!requestIds.isEmpty() && !requestIds.contains(r.id())) {
            return false;
        }
        if (product == null) {
            return true;
        }
        String wanted = product.toLowerCase(Locale.ROOT).replace("{", "").replace("}", "");
        return wanted.equals(r.product().activationId())
                || r.product().name().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
