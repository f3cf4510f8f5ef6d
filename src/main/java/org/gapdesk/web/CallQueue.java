package org.gapdesk.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;

/**
 * A batch's requests in worksheet order as call mode walks them: where one stands, the one before and after,
 * and which still wait for a CID. Read once per page from the batch as it is now.
 */
final class CallQueue {
    /** States whose request still waits for a CID to be keyed in. */
    private static final Set<RequestState> WAITING = EnumSet.of(RequestState.RECEIVED, RequestState.ON_WORKSHEET,
            RequestState.FAILED);
    /** States whose request has a CID on record. */
    private static final Set<RequestState> HAS_CID = EnumSet.of(RequestState.CONFIRMED, RequestState.EXPORTED,
            RequestState.APPLIED);

    private final List<ActivationRequest> members;

    CallQueue(List<ActivationRequest> members) {
        this.members = List.copyOf(members);
    }

    /** True when the request still waits for a CID (received, on worksheet, or failed in the lab). */
    static boolean waitsForCid(ActivationRequest r) {
        return WAITING.contains(r.state());
    }

    int size() {
        return members.size();
    }

    /** 1-based position of the request, or 0 when it is not in the queue. */
    int position(long requestId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() == requestId) {
                return i + 1;
            }
        }
        return 0;
    }

    Optional<ActivationRequest> find(long requestId) {
        int p = position(requestId);
        return p == 0 ? Optional.empty() : Optional.of(members.get(p - 1));
    }

    /** The first request that waits for a CID. */
    Optional<ActivationRequest> firstWaiting() {
        return members.stream().filter(CallQueue::waitsForCid).findFirst();
    }

    /**
     * The next request after {@code requestId} that waits for a CID, going round to the start; never
     * {@code requestId} itself.
     */
    Optional<ActivationRequest> nextWaiting(long requestId) {
        int from = position(requestId);
        for (int k = 0; k < members.size(); k++) {
            ActivationRequest r = members.get((from + k) % members.size());
            if (r.id() != requestId && waitsForCid(r)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The request just before {@code requestId} in worksheet order, if any. */
    Optional<ActivationRequest> previous(long requestId) {
        int p = position(requestId);
        return p > 1 ? Optional.of(members.get(p - 2)) : Optional.empty();
    }

    /** How many requests have a CID on record. */
    long withCid() {
        return members.stream().filter(r -> HAS_CID.contains(r.state())).count();
    }

    /** How many still wait for a CID. */
    long waiting() {
        return members.stream().filter(CallQueue::waitsForCid).count();
    }

    /** Number of distinct machines (a machine with Windows and Office counts once). */
    long machineCount() {
        return members.stream().map(r -> r.machine().lab() + "\u0000" + r.machine().name()).distinct().count();
    }
}
