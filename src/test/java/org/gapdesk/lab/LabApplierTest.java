package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gapdesk.activation.Product;
import org.gapdesk.bundle.BundleEntry;
import org.gapdesk.demo.SyntheticIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabApplierTest {
    static final Clock CLOCK = Clock.fixed(LabTestKit.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    final SyntheticIds ids = new SyntheticIds(11);

    /** A machine's Windows product showing {@code iid}, not licensed yet. */
    static LabProduct windows(String iid) {
        return new LabProduct(LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                "Volume MAK channel", "Volume:MAK", "ABCDE", 5, iid);
    }

    static BundleEntry entry(long id, String machine, String iid, String cid) {
        return new BundleEntry(id, machine, false, LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                "Windows 11 Enterprise", iid, cid);
    }

    VerifiedBundle bundle(List<BundleEntry> entries) throws Exception {
        Path b = LabTestKit.writeBundle(dir, LabTestKit.LAB, 1, entries, LabTestKit.key());
        return new LabVerifier(LabTestKit.pinned()).verify(b, LabTestKit.LAB, 0, false);
    }

    static Map<Long, ResultEntry> byRequest(ResultsFile r) {
        return r.entries().stream().collect(Collectors.toMap(ResultEntry::requestId, Function.identity()));
    }

    @Test
    void eachHresultAndMismatchIsReportedAsTheMachineAnswers() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        String[] iid = new String[8];
        String[] cid = new String[8];
        for (int i = 1; i <= 7; i++) {
            iid[i] = ids.iid63();
            cid[i] = ids.cid48();
            lab.product("PC-00" + i, windows(iid[i])).issue(iid[i], cid[i]);
        }
        String changed = ids.iid63();
        lab.changeIid("PC-002", LabTestKit.WINDOWS_ID, changed);
        lab.hardwareChanged("PC-004").makLimitReached("PC-005", LabTestKit.WINDOWS_ID)
                .keyBlocked("PC-006", LabTestKit.WINDOWS_ID);
        String wrongCid = ids.cid48();
        List<BundleEntry> entries = List.of(entry(1, "PC-001", iid[1], cid[1]), entry(2, "PC-002", iid[2], cid[2]),
                entry(3, "PC-003", iid[3], wrongCid), entry(4, "PC-004", iid[4], cid[4]),
                entry(5, "PC-005", iid[5], cid[5]), entry(6, "PC-006", iid[6], cid[6]),
                new BundleEntry(7, "PC-007", false, LabTestKit.OFFICE_ID, Product.OFFICE_APP_ID, "Office", iid[7],
                        cid[7]),
                entry(8, "PC-404", ids.iid63(), ids.cid48()));
        ResultsFile r = new LabApplier(lab, null, CLOCK).apply(bundle(entries), LabApplier.Scope.MACHINE_LIST);
        Map<Long, ResultEntry> e = byRequest(r);

        assertEquals(ResultsFile.APPLIED, e.get(1L).outcome());
        assertEquals(1, e.get(1L).licenseStatus());
        assertEquals(1, lab.products("PC-001").get(0).licenseStatus());

        assertEquals(ResultsFile.FAILED, e.get(2L).outcome());
        assertEquals(ResultsFile.IID_MISMATCH, e.get(2L).reason());
        assertEquals(changed, e.get(2L).currentInstallationId());
        assertTrue(lab.deposits().stream().noneMatch(d -> d.startsWith("PC-002|")), "no deposit on a mismatch");

        assertEquals("0xC004F02C", e.get(3L).hresult());
        assertEquals(ResultsFile.DEPOSIT_FAILED, e.get(3L).reason());
        assertEquals("0xC004F00F", e.get(4L).hresult());
        assertEquals("0xC004C020", e.get(5L).hresult());
        assertEquals("0xC004C003", e.get(6L).hresult());
        assertNull(e.get(3L).licenseStatus());
        assertEquals(5, lab.products("PC-003").get(0).licenseStatus());

        assertEquals(ResultsFile.PRODUCT_NOT_FOUND, e.get(7L).reason());
        assertEquals(ResultsFile.SKIPPED, e.get(8L).outcome());
        assertEquals(ResultsFile.NOT_THIS_MACHINE, e.get(8L).reason());
        assertEquals(r.bundleManifestSha256(), bundle(entries).manifestSha256());
    }

    @Test
    void onOneMachineOnlyItsOwnEntriesAreHandledAndReported() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        String a = ids.iid63();
        String b = ids.iid63();
        lab.product("PC-001", windows(a)).issue(a, "1".repeat(48)).product("PC-002", windows(b));
        ResultsFile r = new LabApplier(lab.onlyMachine("pc-001"), null, CLOCK).apply(
                bundle(List.of(entry(1, "PC-001", a, "1".repeat(48)), entry(2, "PC-002", b, "2".repeat(48)))),
                LabApplier.Scope.THIS_MACHINE);
        assertEquals(1, r.entries().size());
        assertEquals(ResultsFile.APPLIED, r.entries().get(0).outcome());
        assertTrue(lab.deposits().stream().noneMatch(d -> d.startsWith("PC-002|")));
    }

    @Test
    void anAliasedEntryIsAppliedToTheHostTheAliasMapNames() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        String a = ids.iid63();
        lab.product("ENG-WS01", windows(a)).issue(a, "3".repeat(48));
        BundleEntry aliased = new BundleEntry(1, "ALIAS-1", true, LabTestKit.WINDOWS_ID, Product.WINDOWS_APP_ID,
                "Windows 11 Enterprise", a, "3".repeat(48));
        AliasMap map = AliasMap.parseCsv("host,alias\r\nENG-WS01,ALIAS-1\r\n");
        ResultsFile r = new LabApplier(lab, map, CLOCK).apply(bundle(List.of(aliased)), LabApplier.Scope.MACHINE_LIST);
        assertEquals(ResultsFile.APPLIED, r.entries().get(0).outcome());
        assertEquals("ALIAS-1", r.entries().get(0).machine());
        ResultsFile none = new LabApplier(lab, null, CLOCK).apply(bundle(List.of(aliased)),
                LabApplier.Scope.MACHINE_LIST);
        assertEquals(ResultsFile.NOT_THIS_MACHINE, none.entries().get(0).reason());
    }

    @Test
    void anEntryWithoutActivationIdFindsTheProductByName() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        String a = ids.iid63();
        lab.product("PC-001", windows(a)).issue(a, "4".repeat(48));
        BundleEntry byName = new BundleEntry(1, "PC-001", false, null, null, "windows 11 enterprise", a,
                "4".repeat(48));
        ResultsFile r = new LabApplier(lab, null, CLOCK).apply(bundle(List.of(byName)), LabApplier.Scope.MACHINE_LIST);
        assertEquals(ResultsFile.APPLIED, r.entries().get(0).outcome());
        assertNull(r.entries().get(0).activationId());
    }

    @Test
    void aRunWritesTheResultsFileThenTheStateAndRefusesTheSameBundleAfterwards() throws Exception {
        SimulatedLab lab = new SimulatedLab();
        String a = ids.iid63();
        lab.product("PC-001", windows(a)).issue(a, "5".repeat(48));
        Path b = LabTestKit.writeBundle(dir, LabTestKit.LAB, 3, List.of(entry(9, "PC-001", a, "5".repeat(48))),
                LabTestKit.key());
        Path state = dir.resolve("state").resolve("state-LAB-A.json");
        Path stick = dir.resolve("stick");
        LabApplyRun.Options o = new LabApplyRun.Options(b, LabTestKit.LAB, state, stick, "PC-001", false,
                LabApplier.Scope.THIS_MACHINE, null);
        LabApplyRun.Outcome out = LabApplyRun.run(o, LabTestKit.pinned(), lab.onlyMachine("PC-001"), CLOCK);
        assertEquals(stick.resolve("gapdesk-results-LAB-A-3-PC-001.json"), out.resultsPath());
        String json = Files.readString(out.resultsPath(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\" : \"gapdesk-results\""), json);
        assertTrue(json.contains("\"bundleManifestSha256\" : \"" + out.results().bundleManifestSha256() + "\""));
        assertTrue(json.contains("\"hresult\" : null"), "absent values are written as null: " + json);
        LabState saved = LabState.load(state, LabTestKit.LAB);
        assertEquals(3, saved.lastSequence());
        assertEquals(out.results().bundleManifestSha256(), saved.history().get(0).manifestSha256());

        BundleRejectedException replay = assertThrows(BundleRejectedException.class,
                () -> LabApplyRun.run(o, LabTestKit.pinned(), lab.onlyMachine("PC-001"), CLOCK));
        assertEquals(LabReason.SEQUENCE_NOT_NEWER, replay.reason());

        LabApplyRun.Options again = new LabApplyRun.Options(b, LabTestKit.LAB, state, stick, "PC-001-rerun", true,
                LabApplier.Scope.THIS_MACHINE, null);
        LabApplyRun.Outcome rerun = LabApplyRun.run(again, LabTestKit.pinned(), lab.onlyMachine("PC-001"), CLOCK);
        assertTrue(rerun.results().sequenceOverride());
        LabState after = LabState.load(state, LabTestKit.LAB);
        assertEquals(3, after.lastSequence());
        assertEquals(2, after.history().size());
        assertTrue(after.history().get(1).sequenceOverride());
    }

    @Test
    void anOverrideOfAnOlderSequenceNeverLowersTheLastSequence() throws Exception {
        Path state = dir.resolve("s.json");
        LabState s = LabState.empty(LabTestKit.LAB).withApplied(new VerifiedBundle("k", "F", "LAB-A", 9, "a", false,
                List.of()), "t1").withApplied(new VerifiedBundle("k", "F", "LAB-A", 4, "b", true, List.of()), "t2");
        s.save(state);
        assertEquals(9, LabState.load(state, "LAB-A").lastSequence());
        assertThrows(IllegalStateException.class, () -> LabState.load(state, "LAB-B"));
        Files.writeString(state, "{ not json");
        assertThrows(IllegalStateException.class, () -> LabState.load(state, "LAB-A"));
        assertEquals(0, LabState.load(dir.resolve("none.json"), "LAB-A").lastSequence());
    }
}
