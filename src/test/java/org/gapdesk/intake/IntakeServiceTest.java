package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.requests.RequestService;
import org.gapdesk.store.ConfirmationStore;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeServiceTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final String WIN_ACT = "7a1b2c3d-0000-4000-8000-00000000a001";
    static final IntakeDefaults DEFAULTS = new IntakeDefaults("LAB-A");

    @TempDir
    Path dir;
    Database db;
    IntakeService intake;
    RequestService requests;
    final TestIds ids = new TestIds(2026);

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        intake = new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC));
        requests = new RequestService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static UploadedFile file(String name, String text) {
        return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A request file of LAB-A; each machine is {name, iid} or {name, iid, channel}, all with the Windows SKU. */
    static UploadedFile request(String name, String[]... machines) {
        StringBuilder sb = new StringBuilder("{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\","
                + "\"machines\":[");
        for (int i = 0; i < machines.length; i++) {
            String[] m = machines[i];
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(m[0]).append("\",\"products\":[{")
                    .append("\"activationId\":\"").append(WIN_ACT).append("\",\"name\":\"Windows(R), Enterprise edition\",")
                    .append("\"channel\":\"").append(m.length > 2 ? m[2] : "Volume:MAK").append("\",")
                    .append("\"installationId\":\"").append(m[1]).append("\"}]}");
        }
        return file(name, sb.append("]}").toString());
    }

    List<ActivationRequest> all() {
        return requests.list(null, null, null, 1000);
    }

    int importFiles() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_file");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    List<String> importedFileNames() {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT file_name FROM import_file ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void publicVectorsAreAcceptedAndEachNegativeVectorIsRejectedWithItsReason() {
        String valid54 = TestIds.XP_IID_54;
        String csv = "Machine,IID\n"
                + "PC-54," + valid54 + "\n"
                + "PC-50," + TestIds.XP_IID_50 + "\n"
                + "PC-SHORT," + valid54.substring(0, 53) + "\n"
                + "PC-LONG," + valid54 + "0\n"
                + "PC-CHECK," + valid54.substring(0, 53) + "1\n"
                + "PC-CHAR," + valid54.substring(0, 10) + "A" + valid54.substring(11) + "\n";
        ImportResult result = intake.commit(List.of(file("vectors.csv", csv)), DEFAULTS, "alice");
        List<PlannedEntry> entries = result.preview().entries();
        assertEquals(List.of(Outcome.NEW, Outcome.NEW, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED,
                Outcome.REJECTED), entries.stream().map(PlannedEntry::outcome).toList());
        assertEquals(valid54, entries.get(0).iid().digits());
        assertEquals(TestIds.digits(TestIds.XP_IID_50), entries.get(1).iid().digits());
        assertEquals("Installation ID has 53 digits; expected 63 (9 groups of 7), 54 (9 groups of 6) or 50 (old XP"
                + " format)", entries.get(2).reason());
        assertTrue(entries.get(3).reason().startsWith("Installation ID has 55 digits;"), entries.get(3).reason());
        assertEquals("Installation ID group 9 (103811) fails its check digit: ends in 1, expected 0",
                entries.get(4).reason());
        assertEquals("Installation ID has a character that is not a digit: 'A' at position 11", entries.get(5).reason());
        assertNull(entries.get(2).iid());
        assertEquals(2, all().size());
        assertTrue(all().stream().allMatch(r -> r.state() == RequestState.RECEIVED));
        assertEquals("LAB-A", all().get(0).machine().lab());
    }

    @Test
    void mixedImportDoesExactlyWhatTheRulesSay() {
        String old = ids.iid63();
        String keep = ids.iid63();
        ImportResult first = intake.commit(List.of(request("first.json", new String[] {"PC-OLD", old},
                new String[] {"PC-KEEP", keep})), DEFAULTS, "alice");
        long oldId = first.createdRequestIds().get(0);
        long keepId = first.createdRequestIds().get(1);

        String stored = ids.iid63();
        String storedCid = ids.cid48();
        db.inTransaction(c -> {
            new ConfirmationStore().put(c, TestIds.digits(stored), TestIds.digits(storedCid), false, "alice", NOW);
            return null;
        });

        String a = ids.iid63();
        String b = ids.iid63();
        String renewed = ids.iid63();
        String kms = ids.iid63();
        String malformed = TestIds.breakGroup(ids.iid63(), 3, 7);
        String text = ids.iid63();
        List<UploadedFile> files = List.of(
                request("mixed.json",
                        new String[] {"PC-001", a},
                        new String[] {"PC-002", b},
                        new String[] {"PC-003", a},
                        new String[] {"PC-OLD", renewed},
                        new String[] {"PC-004", stored},
                        new String[] {"PC-005", kms, "Volume:GVLK"},
                        new String[] {"PC-006", malformed},
                        new String[] {"PC-KEEP", keep}),
                file("broken.json", "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"machines\":["
                        + "{\"name\":\"PC-X\",\"products\":[{\"installationId\":\"" + ids.iid63() + "\"}]"),
                file("PC-050.txt", "Installation ID: " + text + "\r\n"));

        ImportPreview preview = intake.preview(files, DEFAULTS);
        assertEquals(2, all().size(), "preview stores nothing");
        assertEquals(1, importFiles(), "preview records no import");

        ImportResult result = intake.commit(files, DEFAULTS, "bob");
        for (ImportPreview p : List.of(preview, result.preview())) {
            FilePreview mixed = p.files().get(0);
            assertFalse(mixed.rejected());
            assertEquals(List.of(Outcome.NEW, Outcome.NEW, Outcome.ALREADY_KNOWN, Outcome.SUPERSEDES,
                    Outcome.REUSED_FROM_STORE, Outcome.KMS_CLIENT, Outcome.REJECTED, Outcome.ALREADY_KNOWN),
                    mixed.entries().stream().map(PlannedEntry::outcome).toList());
            List<String> reasons = mixed.entries().stream().map(PlannedEntry::reason).toList();
            assertEquals("queued for a worksheet", reasons.get(0));
            assertEquals("same IID as mixed.json machines[0].products[0] in this import", reasons.get(2));
            assertEquals("new IID for this machine and product; supersedes request " + oldId, reasons.get(3));
            assertEquals(List.of(oldId), mixed.entries().get(3).supersedes());
            assertEquals("CID on record for this IID: confirmed without a call, no MAK activation spent",
                    reasons.get(4));
            assertEquals(TestIds.digits(storedCid), mixed.entries().get(4).storedCid());
            assertEquals("channel Volume:GVLK: a KMS client; needs a KMS host or a MAK (slmgr /ipk), not a call",
                    reasons.get(5));
            String groupThree = TestIds.digits(malformed).substring(14, 21);
            assertTrue(reasons.get(6).startsWith("Installation ID group 3 (" + groupThree + ") fails its check digit:"
                    + " ends in "), reasons.get(6));
            assertEquals("already request " + keepId + " (received) for PC-KEEP", reasons.get(7));

            FilePreview broken = p.files().get(1);
            assertTrue(broken.rejected());
            assertTrue(broken.rejection().startsWith("broken.json: not valid JSON at line 1"), broken.rejection());
            assertEquals(List.of(), broken.entries());

            FilePreview slmgr = p.files().get(2);
            assertEquals("slmgr-text", slmgr.format());
            assertEquals(List.of(Outcome.NEW), slmgr.entries().stream().map(PlannedEntry::outcome).toList());
        }

        Map<String, ActivationRequest> byMachine = all().stream().filter(r -> r.id() != oldId)
                .collect(Collectors.toMap(r -> r.machine().name(), Function.identity()));
        assertEquals(8, all().size(), "2 earlier + 5 from mixed.json + 1 from PC-050.txt");
        assertEquals(List.of("PC-001", "PC-002", "PC-004", "PC-005", "PC-050", "PC-KEEP", "PC-OLD"),
                byMachine.keySet().stream().sorted().toList());
        assertEquals(RequestState.RECEIVED, byMachine.get("PC-001").state());
        assertEquals(RequestState.RECEIVED, byMachine.get("PC-002").state());
        assertEquals(RequestState.RECEIVED, byMachine.get("PC-KEEP").state());
        ActivationRequest renewedRequest = byMachine.get("PC-OLD");
        assertEquals(TestIds.digits(renewed), renewedRequest.iid().digits());
        assertEquals(RequestState.RECEIVED, renewedRequest.state());
        ActivationRequest superseded = requests.find(oldId).orElseThrow();
        assertEquals(RequestState.SUPERSEDED, superseded.state());
        assertEquals(renewedRequest.id(), superseded.supersededBy());
        ActivationRequest reused = byMachine.get("PC-004");
        assertEquals(RequestState.CONFIRMED, reused.state());
        assertEquals(TestIds.digits(storedCid), reused.cid());
        assertTrue(reused.cidReused());
        assertEquals(RequestState.KMS_CLIENT, byMachine.get("PC-005").state());
        assertEquals(RequestState.RECEIVED, byMachine.get("PC-050").state());
        assertEquals("Windows", byMachine.get("PC-050").product().name());
        assertEquals(List.of("first.json", "mixed.json", "PC-050.txt"), importedFileNames(),
                "the rejected file left no trace");
        assertEquals(6, result.createdRequestIds().size());
    }

    @Test
    void aKmsClientImportedAgainIsAlreadyKnownNotANewRequest() {
        String kms = ids.iid63();
        UploadedFile f = request("kms.json", new String[] {"PC-K", kms, "Volume:GVLK"});
        assertEquals(Outcome.KMS_CLIENT, intake.commit(List.of(f), DEFAULTS, "a").preview().entries().get(0).outcome());
        ImportResult again = intake.commit(List.of(f), DEFAULTS, "a");
        assertEquals(Outcome.ALREADY_KNOWN, again.preview().entries().get(0).outcome());
        assertTrue(again.createdRequestIds().isEmpty());
        assertEquals(1, all().size());
        assertEquals(RequestState.KMS_CLIENT, all().get(0).state());
    }

    @Test
    void aLargeImportStoresEveryEntryWithItsHistoryAndAuditRows() {
        String[][] machines = new String[1200][];
        for (int i = 0; i < machines.length; i++) {
            machines[i] = new String[] {"PC-" + i, ids.iid63()};
        }
        ImportResult r = intake.commit(List.of(request("big.json", machines)), DEFAULTS, "a");
        assertEquals(1200, r.createdRequestIds().size());
        assertEquals(1200, all().size() == 1000 ? 1200 : all().size());
        long id = r.createdRequestIds().get(700);
        ActivationRequest req = requests.find(id).orElseThrow();
        assertEquals("PC-700", req.machine().name());
        assertEquals(TestIds.digits(machines[700][1]), req.iid().digits());
        assertEquals(1, requests.history(id).size());
        assertTrue(new org.gapdesk.audit.AuditLog(db, Clock.fixed(NOW, ZoneOffset.UTC)).verify().intact());
        assertEquals(1, new org.gapdesk.audit.AuditLog(db, Clock.fixed(NOW, ZoneOffset.UTC))
                .forSubject("request " + id).size());
    }

    @Test
    void aFileNoParserRecognizesIsRejectedWhole() {
        ImportResult result = intake.commit(List.of(file("notes.txt", "just some words\n"),
                request("ok.json", new String[] {"PC-1", ids.iid63()})), DEFAULTS, "alice");
        assertTrue(result.preview().files().get(0).rejected());
        assertTrue(result.preview().files().get(0).rejection().startsWith("notes.txt: not a format Gapdesk reads"));
        assertEquals(1, all().size());
    }

    @Test
    void detectionPicksTheRightParserForEachFormat() {
        FormatDetector detector = new FormatDetector(Parsers.standard());
        assertEquals("gapdesk-request", detector.detect(file("a.json", "{}")).format());
        assertEquals("vamt-cil", detector.detect(file("a.cilx", "<x/>")).format());
        assertEquals("vamt-cil", detector.detect(file("a.xml", "<x/>")).format());
        assertEquals("slmgr-text", detector.detect(file("PC-1.txt", "Installation ID: 1")).format());
        assertEquals("csv", detector.detect(file("a.csv", "Machine,Installation ID\n")).format());
        assertEquals("csv", detector.detect(file("a.txt", "Machine;Installation ID\n")).format());
        assertNull(detector.detect(file("a.txt", "hello")));
    }
}
