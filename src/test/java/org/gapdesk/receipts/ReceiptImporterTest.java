package org.gapdesk.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.lab.KioskLoop;
import org.gapdesk.lab.LabProduct;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.lab.SimulatedLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptImporterTest {
    @TempDir
    Path dir;
    KioskLoop loop;
    ExportResult bundle;
    /** Request id by machine PC-001 .. PC-008. */
    final Map<String, ActivationRequest> byMachine = new TreeMap<>();
    final SyntheticIds ids = new SyntheticIds(21);
    final String changedIid = new SyntheticIds(22).iid63();

    @BeforeEach
    void exportEightMachines() {
        loop = new KioskLoop(dir);
        SimulatedLab lab = new SimulatedLab();
        for (int i = 1; i <= 8; i++) {
            lab.product("PC-00" + i, new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                    "Windows 11 Enterprise", "Volume MAK channel", "Volume:MAK", "ABCDE", 5, ids.iid63()));
        }
        for (long id : loop.importFrom(lab, "LAB-A").createdRequestIds()) {
            loop.confirm(id, ids.cid48());
            ActivationRequest r = loop.request(id);
            byMachine.put(r.machine().name(), r);
        }
        bundle = loop.export("LAB-A");
        assertEquals(8, bundle.exportedRequestIds().size());
    }

    @AfterEach
    void close() {
        loop.close();
    }

    ResultEntry entry(String machine, String outcome, String hresult, Integer status, String reason,
            String current) {
        ActivationRequest r = byMachine.get(machine);
        return new ResultEntry(r.id(), machine, r.product().activationId(), r.iid().digits(), outcome, hresult,
                status, reason, current);
    }

    List<ResultEntry> everyOutcome() {
        return List.of(
                entry("PC-001", "applied", null, 1, null, null),
                entry("PC-002", "failed", "0xC004F02C", null, "deposit-failed", null),
                entry("PC-003", "failed", "0xC004C020", null, "deposit-failed", null),
                entry("PC-004", "failed", "0xC004F00F", null, "deposit-failed", null),
                entry("PC-005", "failed", null, null, "iid-mismatch", changedIid),
                entry("PC-006", "failed", "0xC004C003", null, "deposit-failed", null),
                entry("PC-007", "failed", "0x80070005", null, "deposit-failed", null),
                entry("PC-008", "skipped", null, null, "not-this-machine", null));
    }

    UploadedFile file(String name, List<ResultEntry> entries, String writtenAt) {
        ResultsFile f = new ResultsFile("LAB-A", bundle.bundle().sequence(), bundle.manifestSha256(), false,
                writtenAt, entries);
        return new UploadedFile(name, f.toJson());
    }

    String lastDetail(String machine) {
        var h = loop.history(byMachine.get(machine).id());
        return h.get(h.size() - 1).detail();
    }

    RequestState state(String machine) {
        return loop.state(byMachine.get(machine).id());
    }

    int events() {
        return byMachine.values().stream().mapToInt(r -> loop.history(r.id()).size()).sum();
    }

    @Test
    void eachOutcomeMapsToItsStateAndReadableReasonAndEventsNameTheFile() {
        ReceiptPreview p = loop.kiosk.receipts().commit(List.of(file("gapdesk-results-LAB-A-1-run-1.json",
                everyOutcome(), "2026-11-21T08:00:00Z")), "bob");
        assertFalse(p.anyRejected(), () -> p.files().get(0).rejection());
        assertEquals(RequestState.APPLIED, state("PC-001"));
        for (String m : List.of("PC-002", "PC-003", "PC-004", "PC-005", "PC-006", "PC-007")) {
            assertEquals(RequestState.FAILED, state(m), m);
        }
        assertEquals(RequestState.EXPORTED, state("PC-008"));
        assertTrue(lastDetail("PC-002").contains("CID mistyped: re-enter the CID"), lastDetail("PC-002"));
        assertTrue(lastDetail("PC-003").contains("MAK activation limit reached"));
        assertTrue(lastDetail("PC-004").contains("hardware changed: a new IID is needed"));
        assertTrue(lastDetail("PC-005").contains("the machine's IID changed since collection: collect again"));
        assertTrue(lastDetail("PC-006").contains("key blocked"));
        assertTrue(lastDetail("PC-007").contains("deposit failed with 0x80070005"));
        assertTrue(lastDetail("PC-008").contains("skipped by the lab"), lastDetail("PC-008"));
        for (String m : byMachine.keySet()) {
            assertTrue(lastDetail(m).contains("gapdesk-results-LAB-A-1-run-1.json"), lastDetail(m));
            var h = loop.history(byMachine.get(m).id());
            assertEquals("bob", h.get(h.size() - 1).operator());
        }
        assertEquals(1, p.count(ReceiptEffect.APPLIED));
        assertEquals(6, p.count(ReceiptEffect.FAILED));
        assertEquals(1, p.count(ReceiptEffect.NOTED));

        // A mistyped CID goes back to re-entry: the failed request takes a CID again.
        var again = loop.kiosk.confirmations().confirm(byMachine.get("PC-002").id(), ids.cid48(), false, true, "bob");
        assertEquals(ConfirmStatus.STORED, again.status(), again.message());
        assertEquals(RequestState.CONFIRMED, state("PC-002"));
    }

    @Test
    void importingTheSameResultsTwiceChangesNothingTheSecondTime() {
        UploadedFile f = file("results.json", everyOutcome(), "2026-11-21T08:00:00Z");
        loop.kiosk.receipts().commit(List.of(f), "bob");
        int before = events();
        ReceiptPreview second = loop.kiosk.receipts().commit(List.of(f), "bob");
        assertTrue(second.files().get(0).alreadyImported());
        assertEquals(8, second.count(ReceiptEffect.UNCHANGED));
        assertEquals(before, events());
        // The same results written again (another time stamp): every entry is already on record.
        ReceiptPreview rewritten = loop.kiosk.receipts().commit(List.of(file("results-copy.json", everyOutcome(),
                "2026-11-21T09:00:00Z")), "bob");
        assertFalse(rewritten.files().get(0).alreadyImported());
        assertEquals(8, rewritten.count(ReceiptEffect.UNCHANGED), rewritten.files().get(0).summary());
        assertEquals(before, events());
        assertEquals(RequestState.APPLIED, state("PC-001"));
    }

    @Test
    void aPreviewStoresNothing() {
        ReceiptPreview p = loop.kiosk.receipts().preview(List.of(file("results.json", everyOutcome(), null)));
        assertEquals(1, p.count(ReceiptEffect.APPLIED));
        assertEquals(RequestState.EXPORTED, state("PC-001"));
        ReceiptPreview committed = loop.kiosk.receipts().commit(List.of(file("results.json", everyOutcome(), null)),
                "bob");
        assertFalse(committed.files().get(0).alreadyImported(), "the preview recorded no file");
        assertEquals(RequestState.APPLIED, state("PC-001"));
    }

    @Test
    void aMalformedFileIsRejectedNamingTheElementAndStoresNothingWhileOtherFilesGoIn() {
        List<ResultEntry> entries = everyOutcome();
        String json = new String(file("bad.json", entries, null).bytes(), StandardCharsets.UTF_8)
                .replace("\"0xC004C020\"", "\"C004C020\"");
        int before = events();
        ReceiptPreview p = loop.kiosk.receipts().commit(List.of(new UploadedFile("bad.json",
                json.getBytes(StandardCharsets.UTF_8)), file("good.json", List.of(entries.get(0)), null)), "bob");
        assertTrue(p.anyRejected());
        String why = p.files().get(0).rejection();
        assertTrue(why.startsWith("bad.json: entries[2].hresult"), why);
        assertEquals(RequestState.APPLIED, state("PC-001"), "the good file went in");
        assertEquals(RequestState.EXPORTED, state("PC-003"), "nothing from the bad file");
        assertEquals(before + 1, events());
    }

    @Test
    void hostileAndInconsistentFilesAreRejectedWithClearMessages() {
        Map<String, String> cases = new TreeMap<>();
        String good = new String(file("x.json", everyOutcome(), null).bytes(), StandardCharsets.UTF_8);
        cases.put("not json", "{ \"format\": ");
        cases.put("wrong format", good.replace("gapdesk-results", "gapdesk-request"));
        cases.put("unknown member", good.replaceFirst("\"lab\"", "\"extra\" : 1, \"lab\""));
        cases.put("applied without status 1", good.replaceFirst("\"licenseStatus\" : 1", "\"licenseStatus\" : 2"));
        cases.put("bad outcome", good.replaceFirst("\"applied\"", "\"done\""));
        cases.put("duplicate member", good.replaceFirst("\"lab\"", "\"lab\" : \"LAB-A\", \"lab\""));
        cases.put("deep nesting", "[".repeat(5000));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ReceiptPreview p = loop.kiosk.receipts().preview(List.of(new UploadedFile("r.json",
                    c.getValue().getBytes(StandardCharsets.UTF_8))));
            assertTrue(p.files().get(0).rejected(), c.getKey());
            assertTrue(p.files().get(0).rejection().startsWith("r.json: "), p.files().get(0).rejection());
        }
    }

    @Test
    void resultsMustMatchTheBundleTheyNameEntryForEntry() {
        ResultsFile wrongManifest = new ResultsFile("LAB-A", 1, "ab".repeat(32), false, null, everyOutcome());
        ResultsFile unknownBundle = new ResultsFile("LAB-A", 9, bundle.manifestSha256(), false, null, everyOutcome());
        List<ResultEntry> otherIid = new ArrayList<>(everyOutcome());
        ResultEntry first = otherIid.get(0);
        otherIid.set(0, new ResultEntry(first.requestId(), first.machine(), first.activationId(), ids.iid63(),
                "applied", null, 1, null, null));
        List<ResultEntry> notInBundle = List.of(new ResultEntry(9999, "PC-001", LabTestKit.WINDOWS_ID,
                first.installationId(), "applied", null, 1, null, null));
        ReceiptPreview p = loop.kiosk.receipts().commit(List.of(
                new UploadedFile("a.json", wrongManifest.toJson()),
                new UploadedFile("b.json", unknownBundle.toJson()),
                file("c.json", otherIid, null), file("d.json", notInBundle, null)), "bob");
        List<String> why = p.files().stream().map(ReceiptFilePreview::rejection).toList();
        assertTrue(why.get(0).contains("bundleManifestSha256"), why.get(0));
        assertTrue(why.get(1).contains("wrote no LAB-A bundle #9"), why.get(1));
        assertTrue(why.get(2).contains("entries[0].installationId"), why.get(2));
        assertTrue(why.get(3).contains("entries[0].requestId: request 9999 was not in LAB-A bundle #1"), why.get(3));
        assertEquals(RequestState.EXPORTED, state("PC-001"));
    }

    @Test
    void aResultForAnOlderBundleDoesNotMoveARequestExportedAgain() {
        loop.kiosk.receipts().commit(List.of(file("first.json", List.of(entry("PC-002", "failed", "0xC004F02C",
                null, "deposit-failed", null)), null)), "bob");
        loop.reenter(byMachine.get("PC-002").id(), ids.cid48());
        ExportResult second = loop.export("LAB-A");
        assertEquals(2, second.bundle().sequence());
        ReceiptPreview p = loop.kiosk.receipts().commit(List.of(file("late.json", List.of(entry("PC-002", "applied",
                null, 1, null, null)), null)), "bob");
        assertEquals(ReceiptEffect.UNCHANGED, p.files().get(0).entries().get(0).effect());
        assertTrue(p.files().get(0).entries().get(0).message().contains("exported again in bundle #2"));
        assertEquals(RequestState.EXPORTED, state("PC-002"));
    }

    @Test
    void aLaterRunOfTheSameBundleCanTurnAFailureIntoApplied() {
        loop.kiosk.receipts().commit(List.of(file("run-1.json", List.of(entry("PC-003", "failed", "0xC004C020",
                null, "deposit-failed", null)), null)), "bob");
        assertEquals(RequestState.FAILED, state("PC-003"));
        ResultsFile rerun = new ResultsFile("LAB-A", 1, bundle.manifestSha256(), true, null,
                List.of(entry("PC-003", "applied", null, 1, null, null)));
        loop.kiosk.receipts().commit(List.of(new UploadedFile("run-2.json", rerun.toJson())), "bob");
        assertEquals(RequestState.APPLIED, state("PC-003"));
        assertTrue(lastDetail("PC-003").contains("sequence override"), lastDetail("PC-003"));
    }

    @Test
    void resultsForABundleWhoseExportNeverCompletedAreRefused() {
        loop.kiosk.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE bundle SET status = 'RESERVED' WHERE id = ?")) {
                ps.setLong(1, bundle.bundle().id());
                return ps.executeUpdate();
            }
        });
        ReceiptPreview p = loop.kiosk.receipts().commit(List.of(file("r.json", everyOutcome(), null)), "bob");
        assertTrue(p.files().get(0).rejection().contains("was never completed on this kiosk (RESERVED)"),
                p.files().get(0).rejection());
        assertEquals(RequestState.EXPORTED, state("PC-001"));
    }
}
