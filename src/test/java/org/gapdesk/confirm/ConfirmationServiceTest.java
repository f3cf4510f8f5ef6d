package org.gapdesk.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.ConfirmationStore;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.gapdesk.store.ImportRepository;
import org.gapdesk.store.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmationServiceTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    Database db;
    ConfirmationService service;
    RequestRepository requests = new RequestRepository();
    Random random = new Random(42);

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        service = new ConfirmationService(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aValidCidConfirmsTheRequestAndIsStoredForTheIid() {
        long id = request("PC-1", RequestState.ON_WORKSHEET);
        String cid = cid();
        ConfirmResult r = service.confirm(id, hyphenated(cid), false, false, "alice");
        assertEquals(ConfirmStatus.STORED, r.status(), r.message());
        var req = db.read(c -> requests.find(c, id)).orElseThrow();
        assertEquals(RequestState.CONFIRMED, req.state());
        assertEquals(cid, req.cid());
        assertEquals(cid, db.read(c -> new ConfirmationStore().find(c, req.iid().digits())).orElseThrow());
        var last = db.read(c -> requests.history(c, id)).get(1);
        assertEquals("alice", last.operator());
        assertEquals(RequestState.ON_WORKSHEET, last.from());
    }

    @Test
    void wrongLengthAndLettersAreRefusedAndStoreNothing() {
        long id = request("PC-1", RequestState.RECEIVED);
        assertEquals(ConfirmStatus.REFUSED, service.confirm(id, "12345", false, false, "a").status());
        ConfirmResult letters = service.confirm(id, cid().substring(0, 47) + "x", false, false, "a");
        assertEquals(ConfirmStatus.REFUSED, letters.status());
        assertTrue(letters.message().contains("'x'"), letters.message());
        assertEquals(RequestState.RECEIVED, db.read(c -> requests.find(c, id)).orElseThrow().state());
    }

    @Test
    void aFailedCheckDigitWarnsNamingTheBlockAndTheOverrideIsRecorded() {
        long id = request("PC-1", RequestState.ON_WORKSHEET);
        String good = cid();
        String bad = good.substring(0, 47) + (char) ('0' + ((good.charAt(47) - '0' + 1) % 7));
        ConfirmResult warn = service.confirm(id, bad, false, false, "bob");
        assertEquals(ConfirmStatus.CHECK_WARNING, warn.status());
        assertEquals(List.of('H'), warn.failedBlocks());
        assertTrue(warn.message().contains("block H"), warn.message());
        assertEquals(RequestState.ON_WORKSHEET, db.read(c -> requests.find(c, id)).orElseThrow().state());

        ConfirmResult ok = service.confirm(id, bad, true, false, "bob");
        assertEquals(ConfirmStatus.STORED, ok.status());
        String detail = db.read(c -> requests.history(c, id)).get(1).detail();
        assertTrue(detail.contains("overridden") && detail.contains("block H"), detail);
        boolean override = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT check_override FROM confirmation")) {
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getBoolean(1);
            }
        });
        assertTrue(override);
    }

    @Test
    void aDifferentCidOnRecordIsReplacedOnlyWhenConfirmedAndTheOldOneIsKept() {
        long id = request("PC-1", RequestState.ON_WORKSHEET);
        String first = cid();
        String second = cid();
        assertEquals(ConfirmStatus.STORED, service.confirm(id, first, false, false, "a").status());
        ConfirmResult ask = service.confirm(id, second, false, false, "a");
        assertEquals(ConfirmStatus.DIFFERENT_CID_ON_RECORD, ask.status());
        assertEquals(first, ask.cidOnRecord());
        assertEquals(first, db.read(c -> requests.find(c, id)).orElseThrow().cid());

        assertEquals(ConfirmStatus.STORED, service.confirm(id, second, false, true, "a").status());
        assertEquals(second, db.read(c -> requests.find(c, id)).orElseThrow().cid());
        int kept = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM confirmation_history WHERE cid = ?")) {
                ps.setString(1, first);
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(1, kept);
        assertEquals(ConfirmStatus.UNCHANGED, service.confirm(id, second, false, false, "a").status());
    }

    @Test
    void supersededAndKmsClientRequestsTakeNoCid() {
        long kms = request("PC-2", RequestState.KMS_CLIENT);
        ConfirmResult r = service.confirm(kms, cid(), false, false, "a");
        assertEquals(ConfirmStatus.REFUSED, r.status());
        assertTrue(r.message().contains("KMS"), r.message());
        assertNull(db.read(c -> requests.find(c, kms)).orElseThrow().cid());
    }

    @Test
    void confirmByIidFindsTheOpenRequestAndRefusesAnUnknownIid() {
        String iid = iid();
        long id = request("PC-3", RequestState.RECEIVED, iid);
        assertEquals(ConfirmStatus.STORED, service.confirmByIid(iid, cid(), false, false, "cli").status());
        assertEquals(RequestState.CONFIRMED, db.read(c -> requests.find(c, id)).orElseThrow().state());
        ConfirmResult unknown = service.confirmByIid(iid(), cid(), false, false, "cli");
        assertEquals(ConfirmStatus.REFUSED, unknown.status());
        assertTrue(unknown.message().contains("import"), unknown.message());
        assertFalse(unknown.status().stored());
    }

    @Test
    void concurrentOperatorsLoseNoWrite() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<String> cids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(request("PC-" + i, RequestState.ON_WORKSHEET));
            cids.add(cid());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ConfirmResult>> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int n = i;
            results.add(pool.submit(() -> service.confirm(ids.get(n), cids.get(n), false, false, "op" + (n % 16))));
        }
        for (Future<ConfirmResult> f : results) {
            assertEquals(ConfirmStatus.STORED, f.get().status());
        }
        pool.shutdown();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            assertEquals(cids.get(i), db.read(c -> requests.find(c, id)).orElseThrow().cid());
        }
    }

    private long request(String machine, RequestState state) {
        return request(machine, state, iid());
    }

    private long request(String machine, RequestState state, String iid) {
        return db.inTransaction(c -> {
            long imp = new ImportRepository().insert(c, "t.json", "0".repeat(64), "test", 1, "t", NOW, "");
            Product p = new Product(null, Product.WINDOWS_APP_ID, "Windows", state == RequestState.KMS_CLIENT
                    ? "Volume:GVLK" : "Volume:MAK", "ABCDE", 1);
            return requests.insert(c, new Machine("LAB-A", machine, false), p, InstallationId.parse(iid), state, null,
                    false, imp, NOW, "t", "test");
        });
    }

    private String group(int data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data; i++) {
            sb.append(random.nextInt(10));
        }
        return CheckDigit.complete(sb);
    }

    private String iid() {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 9; g++) {
            sb.append(group(6));
        }
        return sb.toString();
    }

    private String cid() {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            sb.append(group(5));
        }
        return sb.toString();
    }

    private static String hyphenated(String cid) {
        return String.join("-", cid.split("(?<=\\G.{6})"));
    }
}
