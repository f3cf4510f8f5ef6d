package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.BundleRecord;
import org.gapdesk.bundle.BundleStatus;
import org.gapdesk.bundle.BundleVerifier;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.bundle.VerificationResult;
import org.gapdesk.config.KioskHome;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.lab.LabCollector;
import org.gapdesk.lab.LabProduct;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.lab.SimulatedLab;
import org.gapdesk.operator.Role;
import org.gapdesk.receipts.ReceiptPreview;
import org.gapdesk.store.Database;
import org.gapdesk.store.PostgresTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kiosks on one PostgreSQL database, started together on an empty database, each working with many threads at
 * once: importing the same files, keying CIDs for the same requests, exporting the same lab and importing the same
 * results file. Nothing may be lost or doubled: one request per IID and slot, every acknowledged CID stored once,
 * every request exported by exactly one bundle, one bundle per sequence number, a results file stored once, and
 * the audit chain intact.
 */
class SharedDatabaseIT {
    static final String LAB = LabTestKit.LAB;
    static final int THREADS_PER_KIOSK = 4;

    @TempDir
    Path dir;
    PostgresTestServer server;
    String database;
    Kiosk a;
    Kiosk b;

    @BeforeEach
    void openTwoKiosksTogether() throws Exception {
        server = PostgresTestServer.require();
        database = server.createEmptyDatabase();
        // Both start on the empty database at once: the migrations run once, under Flyway's lock.
        List<Kiosk> opened = runTogether(2, i -> open("kiosk-" + (i + 1)));
        a = opened.get(0);
        b = opened.get(1);
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            server.dropDatabase(database);
        }
    }

    private Kiosk open(String kioskId) throws Exception {
        Path home = dir.resolve(kioskId);
        server.configureHome(home, database);
        Files.writeString(home.resolve("config").resolve("site.json"), "{\"kioskId\": \"" + kioskId + "\"}",
                StandardCharsets.UTF_8);
        return Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000);
    }

    private Kiosk kiosk(int thread) {
        return thread % 2 == 0 ? a : b;
    }

    @Test
    void bothKiosksSeeOneMigratedRecord() {
        long applied = count("SELECT COUNT(*) FROM flyway_schema_history WHERE success");
        assertTrue(applied >= 9, "migrations applied: " + applied);
        assertEquals(0, count("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
        assertEquals(1, count("SELECT COUNT(*) FROM store_lock WHERE name = 'intake'"));
        a.operators().add("Ada Admin", Role.ADMIN, "correct horse battery".toCharArray(), "setup");
        assertTrue(b.operators().find("Ada Admin").isPresent());
        assertTrue(b.operators().signIn("Ada Admin", "correct horse battery".toCharArray()).ok());
    }

    @Test
    void importsOfTheSameFilesAtOnceCreateEachRequestOnce() throws Exception {
        SyntheticIds ids = new SyntheticIds(7);
        SimulatedLab lab = new SimulatedLab();
        int machines = 40;
        for (int i = 1; i <= machines; i++) {
            lab.product(machine(i), windows(ids.iid63()));
        }
        byte[] first = new LabCollector(lab).collect(LAB, null, null, false);
        List<ImportResult> round1 = runTogether(2 * THREADS_PER_KIOSK, t -> importFile(kiosk(t), first));
        assertEquals(machines, round1.stream().mapToInt(r -> r.createdRequestIds().size()).sum());
        assertEquals(machines, count("SELECT COUNT(*) FROM activation_request"));
        assertEquals(machines, count("SELECT COUNT(*) FROM machine"));

        // Every machine now shows a new IID: the same new file imported everywhere at once supersedes each
        // request once and creates one request per new IID.
        for (int i = 1; i <= machines; i++) {
            lab.changeIid(machine(i), LabTestKit.WINDOWS_ID, ids.iid63());
        }
        byte[] second = new LabCollector(lab).collect(LAB, null, null, false);
        List<ImportResult> round2 = runTogether(2 * THREADS_PER_KIOSK, t -> importFile(kiosk(t), second));
        assertEquals(machines, round2.stream().mapToInt(r -> r.createdRequestIds().size()).sum());
        assertEquals(2 * machines, count("SELECT COUNT(*) FROM activation_request"));
        assertEquals(2 * machines, count("SELECT COUNT(DISTINCT iid) FROM activation_request"));
        assertEquals(machines, count("SELECT COUNT(*) FROM activation_request WHERE superseded_by IS NOT NULL"));
        assertEquals(machines, count("SELECT COUNT(*) FROM activation_request WHERE state = 'RECEIVED'"));
        assertEquals(2L * 2 * THREADS_PER_KIOSK, count("SELECT COUNT(*) FROM import_file"));
        assertAuditIntact();
    }

    @Test
    void cidsKeyedOnBothKiosksAtOnceAreEachStoredOnce() throws Exception {
        SyntheticIds ids = new SyntheticIds(11);
        List<Long> requests = importMachines(ids, 60);
        Map<Long, String> cids = new HashMap<>();
        requests.forEach(id -> cids.put(id, ids.cid48()));
        Map<Long, AtomicInteger> stored = new ConcurrentHashMap<>();
        // Every thread of both kiosks keys every CID, each in its own order.
        runTogether(2 * THREADS_PER_KIOSK, t -> {
            List<Long> order = new ArrayList<>(requests);
            Collections.shuffle(order, new Random(t));
            for (long id : order) {
                ConfirmResult r = kiosk(t).confirmations().confirm(id, cids.get(id), false, false, "op-" + t);
                if (r.status() == ConfirmStatus.STORED) {
                    stored.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                } else if (r.status() != ConfirmStatus.UNCHANGED) {
                    throw new AssertionError("request " + id + ": " + r.status() + " " + r.message());
                }
            }
            return null;
        });
        for (long id : requests) {
            assertEquals(1, stored.get(id).get(), "request " + id + " stored once");
            assertEquals(cids.get(id), text("SELECT cid FROM activation_request WHERE id = ?", id).replace("-", ""));
            assertEquals(RequestState.CONFIRMED.name(), text("SELECT state FROM activation_request WHERE id = ?", id));
            assertEquals(1, count("SELECT COUNT(*) FROM request_event WHERE request_id = ? AND to_state = 'CONFIRMED'",
                    id));
        }
        assertEquals(requests.size(), count("SELECT COUNT(*) FROM confirmation"));
        assertEquals(0, count("SELECT COUNT(*) FROM confirmation_history"));
        assertAuditIntact();
    }

    @Test
    void exportsOnBothKiosksAtOnceExportEachRequestOnce() throws Exception {
        SyntheticIds ids = new SyntheticIds(13);
        List<Long> requests = importMachines(ids, 60);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < requests.size(); i += 6) {
            chunks.add(requests.subList(i, Math.min(requests.size(), i + 6)));
        }
        AtomicInteger next = new AtomicInteger();
        List<ExportResult> written = Collections.synchronizedList(new ArrayList<>());
        // Each thread keys the CIDs of the next chunk on its kiosk and exports the lab, until no chunk is left.
        runTogether(2 * THREADS_PER_KIOSK, t -> {
            Path usb = Files.createDirectories(dir.resolve("usb-" + t));
            for (int c; (c = next.getAndIncrement()) < chunks.size(); ) {
                for (long id : chunks.get(c)) {
                    ConfirmResult r = kiosk(t).confirmations().confirm(id, ids.cid48(), false, false, "op-" + t);
                    assertEquals(ConfirmStatus.STORED, r.status(), r.message());
                }
                try {
                    written.add(kiosk(t).bundles().exportToFolder(LAB, null, "op-" + t, usb));
                } catch (BundleException e) {
                    assertTrue(e.getMessage().startsWith("nothing to export"), e.getMessage());
                }
            }
            return null;
        });
        Map<Long, Integer> exportedBy = new HashMap<>();
        for (ExportResult r : written) {
            assertTrue(r.changedMeanwhile().isEmpty(), "bundle " + r.bundle().label() + " held requests exported"
                    + " meanwhile: " + r.changedMeanwhile());
            r.exportedRequestIds().forEach(id -> exportedBy.merge(id, 1, Integer::sum));
            Kiosk k = r.bundle().kioskId().equals("kiosk-1") ? a : b;
            VerificationResult v = new BundleVerifier().verify(r.path(), k.key().publicKey(), LAB,
                    r.bundle().sequence() - 1);
            assertTrue(v.valid(), v.message());
        }
        for (long id : requests) {
            assertEquals(1, exportedBy.getOrDefault(id, 0), "request " + id + " exported once");
            assertEquals(RequestState.EXPORTED.name(), text("SELECT state FROM activation_request WHERE id = ?", id));
            assertEquals(1, count("SELECT COUNT(*) FROM bundle_entry WHERE request_id = ?", id));
        }
        List<BundleRecord> bundles = a.bundles().bundles(LAB);
        assertEquals(written.size(), bundles.size());
        for (int i = 0; i < bundles.size(); i++) {
            // Newest first, numbered 1..n without a gap or a repeat, every one written.
            assertEquals(bundles.size() - i, bundles.get(i).sequence());
            assertEquals(BundleStatus.WRITTEN, bundles.get(i).status());
        }
        assertAuditIntact();
    }

    @Test
    void theSameResultsFileImportedOnBothKiosksAtOnceIsStoredOnce() throws Exception {
        SyntheticIds ids = new SyntheticIds(17);
        List<Long> requests = importMachines(ids, 12);
        for (long id : requests) {
            assertEquals(ConfirmStatus.STORED, a.confirmations().confirm(id, ids.cid48(), false, false, "op").status());
        }
        ExportResult bundle = a.bundles().exportToFolder(LAB, null, "op", Files.createDirectories(dir.resolve("usb")));
        List<ResultEntry> entries = new ArrayList<>();
        for (long id : requests) {
            var r = a.requests().find(id).orElseThrow();
            entries.add(new ResultEntry(id, r.machine().name(), r.product().activationId(), r.iid().digits(),
                    "applied", null, 1, null, null));
        }
        byte[] results = new ResultsFile(LAB, bundle.bundle().sequence(), bundle.manifestSha256(), false,
                "2026-11-21T08:00:00Z", entries).toJson();
        List<ReceiptPreview> imported = runTogether(2 * THREADS_PER_KIOSK, t -> kiosk(t).receipts().commit(
                List.of(new UploadedFile("gapdesk-results-LAB-A-1-run-1.json", results)), "op-" + t));
        imported.forEach(p -> assertFalse(p.anyRejected(), () -> p.files().get(0).rejection()));
        assertEquals(1, count("SELECT COUNT(*) FROM receipt_file"));
        assertEquals(requests.size(), count("SELECT COUNT(*) FROM receipt_entry"));
        for (long id : requests) {
            assertEquals(RequestState.APPLIED.name(), text("SELECT state FROM activation_request WHERE id = ?", id));
            assertEquals(1, count("SELECT COUNT(*) FROM request_event WHERE request_id = ? AND to_state = 'APPLIED'",
                    id));
        }
        assertAuditIntact();
    }

    private static String machine(int i) {
        return String.format("PC-%03d", i);
    }

    private static LabProduct windows(String iid) {
        return new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                "Volume MAK channel", "Volume:MAK", "ABCDE", 5, iid);
    }

    private List<Long> importMachines(SyntheticIds ids, int machines) {
        SimulatedLab lab = new SimulatedLab();
        for (int i = 1; i <= machines; i++) {
            lab.product(machine(i), windows(ids.iid63()));
        }
        List<Long> created = importFile(a, new LabCollector(lab).collect(LAB, null, null, false)).createdRequestIds();
        assertEquals(machines, created.size());
        return created;
    }

    private static ImportResult importFile(Kiosk k, byte[] file) {
        return k.intake().commit(List.of(new UploadedFile("gapdesk-request-" + LAB + ".json", file)),
                new IntakeDefaults(LAB), "intake-" + k.config().site().kioskId());
    }

    private void assertAuditIntact() {
        assertTrue(a.audit().verify().intact(), a.audit().verify().describe());
        assertTrue(b.audit().verify().intact(), b.audit().verify().describe());
    }

    private long count(String sql, Object... args) {
        return Long.parseLong(text(sql, args));
    }

    private String text(String sql, Object... args) {
        Database db = a.database();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** A piece of work for thread {@code t} of {@link #runTogether}. */
    interface Task<T> {
        T run(int t) throws Exception;
    }

    /** Runs {@code threads} tasks released at the same moment; returns their results or rethrows the first failure. */
    private static <T> List<T> runTogether(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int t = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    ready.countDown();
                    go.await();
                    return task.run(t);
                }));
            }
            ready.await();
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
