package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.Test;

/** Walking a batch in call mode: positions, the next request waiting for a CID (going round), counts. */
class CallQueueTest {
    private final TestIds ids = new TestIds(11);

    @Test
    void nextWaitingSkipsRequestsWithACidAndGoesRoundToTheStart() {
        CallQueue q = new CallQueue(List.of(request(1, "PC-1", RequestState.ON_WORKSHEET),
                request(2, "PC-2", RequestState.CONFIRMED), request(3, "PC-3", RequestState.FAILED),
                request(4, "PC-3", RequestState.SUPERSEDED), request(5, "PC-5", RequestState.ON_WORKSHEET)));
        assertEquals(5, q.size());
        assertEquals(4, q.machineCount());
        assertEquals(3, q.position(3));
        assertEquals(0, q.position(99));
        assertEquals(1, q.firstWaiting().orElseThrow().id());
        assertEquals(3, q.nextWaiting(1).orElseThrow().id());
        assertEquals(5, q.nextWaiting(3).orElseThrow().id());
        assertEquals(1, q.nextWaiting(5).orElseThrow().id(), "round to the start");
        assertEquals(2, q.previous(3).orElseThrow().id());
        assertTrue(q.previous(1).isEmpty());
        assertEquals(1, q.withCid());
        assertEquals(3, q.waiting());
    }

    @Test
    void nothingNextWhenOnlyTheCurrentOneWaits() {
        CallQueue q = new CallQueue(List.of(request(1, "PC-1", RequestState.CONFIRMED),
                request(2, "PC-2", RequestState.ON_WORKSHEET)));
        assertTrue(q.nextWaiting(2).isEmpty());
        assertEquals(2, q.nextWaiting(1).orElseThrow().id());
    }

    private ActivationRequest request(long id, String machine, RequestState state) {
        Instant t = Instant.parse("2026-11-20T09:30:00Z");
        return new ActivationRequest(id, new Machine("LAB-A", machine, false),
                new Product(null, Product.WINDOWS_APP_ID, "Windows", "Volume:MAK", "3V66T", 1),
                InstallationId.parse(ids.iid63()), state, null, false, null, 1, t, t);
    }
}
