package org.gapdesk.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.gapdesk.store.RequestEvent;
import org.gapdesk.store.RequestRepository;
import org.gapdesk.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchServiceTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    Database db;
    TestRecord record;
    BatchService batches;
    TestIds ids = new TestIds(3);
    RequestRepository requests = new RequestRepository();

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        record = new TestRecord(db);
        batches = new BatchService(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void defaultBatchTakesTheLabsReceivedRequestsInMachineOrderAndMovesThemOnWorksheet() {
        long pc10 = record.windows("LAB-A", "PC-10", ids.iid63(), RequestState.RECEIVED);
        long pc2 = record.windows("LAB-A", "pc-2", ids.iid63(), RequestState.RECEIVED);
        long pc2office = record.office("LAB-A", "pc-2", ids.iid63(), RequestState.RECEIVED);
        long otherLab = record.windows("LAB-B", "PC-1", ids.iid63(), RequestState.RECEIVED);
        long confirmed = record.windows("LAB-A", "PC-3", ids.iid63(), RequestState.CONFIRMED);
        long kms = record.add("LAB-A", "PC-4", new Product(null, Product.WINDOWS_APP_ID, "Windows Server",
                "Volume:GVLK", "W269N", 5), ids.iid63(), RequestState.RECEIVED);

        Batch batch = batches.create(BatchCriteria.received("LAB-A"), ActivationChannel.PHONE, "alice");

        assertEquals(BatchState.OPEN, batch.state());
        assertEquals(3, batch.entryCount());
        assertEquals("alice", batch.createdBy());
        assertEquals(NOW, batch.createdAt());
        BatchContent content = batches.content(batch.id());
        assertEquals(List.of(pc2office, pc2, pc10), content.requests().stream().map(ActivationRequest::id).toList(),
                "natural machine order (pc-2 before PC-10), then product name");
        assertEquals(2, content.machineCount());
        for (long id : List.of(pc2, pc2office, pc10)) {
            assertEquals(RequestState.ON_WORKSHEET, state(id));
            List<RequestEvent> history = db.read(c -> requests.history(c, id));
            RequestEvent last = history.get(history.size() - 1);
            assertEquals(RequestState.RECEIVED, last.from());
            assertEquals(RequestState.ON_WORKSHEET, last.to());
            assertEquals("alice", last.operator());
            assertTrue(last.detail().contains("batch " + batch.id()), last.detail());
        }
        assertEquals(RequestState.RECEIVED, state(otherLab));
        assertEquals(RequestState.CONFIRMED, state(confirmed));
        assertEquals(RequestState.RECEIVED, state(kms), "a KMS client never goes on a worksheet");
    }

    @Test
    void aRequestIsNeverOnTwoOpenBatches() {
        long a = record.windows("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        Batch first = batches.create(BatchCriteria.received("LAB-A"), ActivationChannel.PORTAL, "alice");

        BatchException none = assertThrows(BatchException.class,
                () -> batches.create(BatchCriteria.received("LAB-A"), ActivationChannel.PHONE, "bob"));
        assertTrue(none.getMessage().contains("no requests"), none.getMessage());
        BatchException stillOpen = assertThrows(BatchException.class, () -> batches.create(
                new BatchCriteria("LAB-A", Set.of(RequestState.ON_WORKSHEET), null, null), ActivationChannel.PHONE,
                "bob"), "a request on an open batch is not picked again, even by state");
        assertTrue(stillOpen.getMessage().contains("not on an open batch"), stillOpen.getMessage());
        assertEquals(first.id(), batches.openBatchOf(a).orElseThrow().id());
        assertEquals(1, batches.list("LAB-A", null, 10).size());
    }

    @Test
    void theRecordItselfRefusesASecondOpenMembership() {
        long a = record.windows("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        Batch first = batches.create(BatchCriteria.received("LAB-A"), ActivationChannel.PHONE, "alice");
        StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
            long other = new BatchRepository().insert(c, "LAB-A", ActivationChannel.PHONE, 1, "mallory", NOW);
            new BatchRepository().addMembers(c, other, List.of(a));
            return null;
        }));
        assertTrue(e.getCause() instanceof SQLException);
        assertEquals("23505", ((SQLException) e.getCause()).getSQLState());
        assertEquals(List.of(first), batches.list(null, null, 10), "the failed insert left nothing behind");
    }

    @Test
    void twoKiosksMakingBatchesAtOnceNeverShareARequest() throws Exception {
        for (int i = 0; i < 30; i++) {
            record.windows("LAB-A", "PC-" + i, ids.iid63(), RequestState.RECEIVED);
        }
        BatchService kioskA = new BatchService(db, Clock.fixed(NOW, ZoneOffset.UTC));
        BatchService kioskB = new BatchService(db, Clock.fixed(NOW, ZoneOffset.UTC));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (BatchService kiosk : List.of(kioskA, kioskB)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return kiosk.create(BatchCriteria.received("LAB-A"), ActivationChannel.PHONE, "op");
                    } catch (BatchException e) {
                        return e;
                    }
                }));
            }
            long made = 0;
            for (var r : results) {
                made += r.get() instanceof Batch ? 1 : 0;
            }
            assertEquals(1, made, "one batch takes the requests, the other is refused");
        } finally {
            pool.shutdownNow();
        }
        List<Batch> open = batches.list("LAB-A", BatchState.OPEN, 10);
        assertEquals(1, open.size());
        assertEquals(30, batches.content(open.get(0).id()).requests().size());
    }

    @Test
    void closingFreesTheRequestsForANewBatchAndLeavesTheirStatesAlone() {
        long a = record.windows("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        long b = record.windows("LAB-A", "PC-2", ids.iid63(), RequestState.RECEIVED);
        Batch first = batches.create(BatchCriteria.received("LAB-A"), ActivationChannel.PHONE, "alice");
        setState(b, RequestState.CONFIRMED);

        Batch closed = batches.close(first.id(), "bob");

        assertEquals(BatchState.CLOSED, closed.state());
        assertEquals("bob", closed.closedBy());
        assertEquals(NOW, closed.closedAt());
        assertEquals(RequestState.ON_WORKSHEET, state(a));
        assertEquals(RequestState.CONFIRMED, state(b));
        assertFalse(batches.openBatchOf(a).isPresent());
        BatchException again = assertThrows(BatchException.class, () -> batches.close(first.id(), "bob"));
        assertTrue(again.getMessage().contains("already closed"), again.getMessage());

        Batch second = batches.create(new BatchCriteria("LAB-A", Set.of(RequestState.ON_WORKSHEET), null, null),
                ActivationChannel.PORTAL, "carol");
        assertEquals(List.of(a), batches.content(second.id()).requests().stream().map(ActivationRequest::id).toList());
        List<RequestEvent> history = db.read(c -> requests.history(c, a));
        RequestEvent last = history.get(history.size() - 1);
        assertEquals(RequestState.ON_WORKSHEET, last.from());
        assertEquals(RequestState.ON_WORKSHEET, last.to());
        assertTrue(last.detail().contains("batch " + second.id()), last.detail());
        assertEquals(List.of(second.id()), batches.list("LAB-A", BatchState.OPEN, 10).stream().map(Batch::id).toList());
        assertEquals(List.of(second.id(), first.id()), batches.list("LAB-A", null, 10).stream().map(Batch::id)
                .toList());
        assertEquals(List.of(a), batches.content(first.id()).requests().stream().map(ActivationRequest::id)
                .filter(id -> id == a).toList(), "a closed batch keeps its content for reprints");
    }

    @Test
    void criteriaPickByProductAndChosenRequests() {
        long win = record.windows("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        long office = record.office("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        long win2 = record.windows("LAB-A", "PC-2", ids.iid63(), RequestState.RECEIVED);

        assertEquals(List.of(office), batches.preview(BatchCriteria.received("LAB-A").withProduct("office"))
                .stream().map(ActivationRequest::id).toList());
        assertEquals(List.of(win, win2), batches.preview(BatchCriteria.received("LAB-A")
                .withProduct("{" + TestRecord.WINDOWS_AID.toUpperCase() + "}"))
                .stream().map(ActivationRequest::id).toList());
        Batch b = batches.create(BatchCriteria.received("LAB-A").withRequestIds(Set.of(win2)),
                ActivationChannel.PHONE, "alice");
        assertEquals(1, b.entryCount());
        assertEquals(RequestState.RECEIVED, state(win));
        assertEquals(RequestState.ON_WORKSHEET, state(win2));
    }

    @Test
    void badCriteriaAreRefusedWithAClearMessage() {
        assertThrows(BatchException.class, () -> BatchCriteria.received(" "));
        BatchException state = assertThrows(BatchException.class,
                () -> new BatchCriteria("LAB-A", Set.of(RequestState.CONFIRMED), null, null));
        assertTrue(state.getMessage().contains("confirmed"), state.getMessage());
        record.windows("LAB-A", "PC-1", ids.iid63(), RequestState.RECEIVED);
        assertThrows(BatchException.class, () -> batches.create(BatchCriteria.received("LAB-A"),
                ActivationChannel.PHONE, " "));
        assertThrows(BatchException.class, () -> batches.content(999));
        assertEquals(IllegalArgumentException.class,
                assertThrows(IllegalArgumentException.class, () -> ActivationChannel.parse("fax")).getClass());
        assertEquals(ActivationChannel.PORTAL, ActivationChannel.parse(" Portal "));
    }

    private RequestState state(long id) {
        return db.read(c -> requests.find(c, id)).orElseThrow().state();
    }

    private void setState(long id, RequestState to) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE activation_request SET state = ? WHERE id = ?")) {
                ps.setString(1, to.name());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
