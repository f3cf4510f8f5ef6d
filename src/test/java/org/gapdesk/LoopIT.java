package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.bundle.BundleFormat;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.cli.GapdeskCommand;
import org.gapdesk.config.KioskHome;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.lab.KioskLoop;
import org.gapdesk.lab.LabApplier;
import org.gapdesk.lab.LabApplyRun;
import org.gapdesk.lab.LabCollector;
import org.gapdesk.lab.LabProduct;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.PinnedKey;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.lab.SimulatedLab;
import org.gapdesk.receipts.ReceiptEffect;
import org.gapdesk.receipts.ReceiptPreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on a real kiosk (H2 file database in a temporary folder) and the lab reference against a
 * simulated lab: import requests, worksheet batch, confirm CIDs, export a signed bundle, verify and apply it
 * in the lab (one machine's IID changed since collection, one CID mistyped), import the results file, check
 * every final state; then re-enter the mistyped CID, export bundle #2, apply, import: applied. Once through
 * the kiosk's services, once through the CLI ({@code gapdesk --home ...}: import, worksheet, toolkit, confirm,
 * export, verify, receipts; the lab side runs the Java reference of the toolkit).
 */
class LoopIT {
    static final String LAB = "LAB-A";
    static final String WIN = LabTestKit.WINDOWS_ID;
    static final String OFFICE = LabTestKit.OFFICE_ID;

    @TempDir
    Path dir;

    /** Five products on four machines; Microsoft's CID for every IID is known to the simulated lab. */
    static SimulatedLab lab(SyntheticIds ids) {
        SimulatedLab lab = new SimulatedLab();
        for (String m : List.of("PC-001", "PC-002", "PC-003", "PC-004")) {
            String iid = ids.iid63();
            lab.product(m, new LabProduct(WIN, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                    "Volume MAK channel", "Volume:MAK", "ABCDE", 5, iid)).issue(iid, ids.cid48());
        }
        String office = ids.iid63();
        lab.product("PC-001", new LabProduct(OFFICE, Product.OFFICE_APP_ID, "Office LTSC Professional Plus 2021",
                "Volume MAK channel", "Volume:MAK", "FGHIJ", 5, office)).issue(office, ids.cid48());
        return lab;
    }

    @Test
    void theLoopThroughTheKioskServicesEndsInExactlyTheExpectedStates() throws Exception {
        SyntheticIds ids = new SyntheticIds(2026);
        SimulatedLab lab = lab(ids);
        try (KioskLoop loop = new KioskLoop(dir)) {
            // Import: five requests received.
            assertEquals(5, loop.importFrom(lab, LAB).createdRequestIds().size());
            // Worksheet batch: all five on the worksheet.
            var batch = new BatchService(loop.kiosk.database(), loop.clock).create(BatchCriteria.received(LAB),
                    ActivationChannel.PHONE, KioskLoop.OPERATOR);
            assertEquals(5, batch.entryCount());
            Map<String, ActivationRequest> r = requests(loop);
            r.values().forEach(q -> assertEquals(RequestState.ON_WORKSHEET, q.state()));

            // Confirm: Microsoft's CIDs, but PC-002's is mistyped (valid check digits, wrong CID).
            for (ActivationRequest q : r.values()) {
                boolean mistyped = q.machine().name().equals("PC-002");
                loop.confirm(q.id(), mistyped ? ids.cid48() : lab.issuedCid(q.iid().digits()));
            }
            ExportResult first = loop.export(LAB);
            assertEquals(1, first.bundle().sequence());
            assertEquals(5, first.exportedRequestIds().size());

            // Meanwhile PC-003 was reinstalled: its IID is not the one collected.
            String changed = ids.iid63();
            lab.changeIid("PC-003", WIN, changed);

            LabApplyRun.Outcome applied = loop.apply(first.path(), lab, LAB);
            Map<String, ResultEntry> results = new HashMap<>();
            applied.results().entries().forEach(e -> results.put(e.machine() + "/" + e.activationId(), e));
            assertEquals("0xC004F02C", results.get("PC-002/" + WIN).hresult());
            assertEquals(changed, results.get("PC-003/" + WIN).currentInstallationId());
            assertEquals(1, lab.products("PC-004").get(0).licenseStatus());

            ReceiptPreview receipt = loop.receipts(applied.resultsPath());
            assertEquals(3, receipt.count(ReceiptEffect.APPLIED));
            assertEquals(2, receipt.count(ReceiptEffect.FAILED));
            r = requests(loop);
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + WIN).state());
            assertEquals(RequestState.APPLIED, r.get("PC-001/" + OFFICE).state());
            assertEquals(RequestState.APPLIED, r.get("PC-004/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-002/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-003/" + WIN).state());
            assertTrue(lastDetail(loop, r.get("PC-002/" + WIN)).contains("CID mistyped: re-enter the CID"));
            assertTrue(lastDetail(loop, r.get("PC-003/" + WIN))
                    .contains("the machine's IID changed since collection: collect again"));

            // Re-enter PC-002's CID, export #2 (only it), apply, import: applied.
            ActivationRequest pc2 = r.get("PC-002/" + WIN);
            loop.reenter(pc2.id(), lab.issuedCid(pc2.iid().digits()));
            ExportResult second = loop.export(LAB);
            assertEquals(2, second.bundle().sequence());
            assertEquals(List.of(pc2.id()), second.exportedRequestIds());
            LabApplyRun.Outcome again = loop.apply(second.path(), lab, LAB);
            assertEquals(ResultsFile.APPLIED, again.results().entries().get(0).outcome());
            loop.receipts(again.resultsPath());
            r = requests(loop);
            assertEquals(RequestState.APPLIED, r.get("PC-002/" + WIN).state());
            assertEquals(RequestState.FAILED, r.get("PC-003/" + WIN).state(), "still needs a new collection");
            // Both results files imported again: nothing changes.
            ReceiptPreview replay = loop.receipts(applied.resultsPath(), again.resultsPath());
            assertEquals(6, replay.count(ReceiptEffect.UNCHANGED));
        }
    }

    @Test
    void theLoopThroughTheCommandLine() throws Exception {
        SyntheticIds ids = new SyntheticIds(77);
        SimulatedLab lab = lab(ids);
        Path home = dir.resolve("home");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path request = dir.resolve("gapdesk-request-LAB-A.json");
        Files.write(request, new LabCollector(lab).collect(LAB, null, null, false));

        assertEquals(0, cli(home, "import", request.toString()).code, "import");
        Run ws = cli(home, "worksheet", "--lab", LAB, "--channel", "phone", "--out", dir.resolve("ws.pdf").toString());
        assertEquals(0, ws.code, ws.out);
        assertTrue(Files.size(dir.resolve("ws.pdf")) > 0);
        Run toolkit = cli(home, "toolkit", "--lab", LAB, "--out", dir.resolve("toolkit.zip").toString());
        assertEquals(0, toolkit.code, toolkit.out);
        PinnedKey pinned = PinnedKey.fromXml(unzip(dir.resolve("toolkit.zip")).get("kiosk-public.xml"));

        // Confirm through the CLI: gapdesk confirm IID CID (PC-003's CID mistyped).
        String mistypedMachine = "PC-003";
        List<ActivationRequest> onWorksheet;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            onWorksheet = kiosk.requests().list(LAB, RequestState.ON_WORKSHEET, null, 100);
            assertEquals(pinned, PinnedKey.of(kiosk.key().publicKey()), "the toolkit pins this kiosk's key");
        }
        assertEquals(5, onWorksheet.size());
        for (ActivationRequest q : onWorksheet) {
            String cid = q.machine().name().equals(mistypedMachine) ? ids.cid48() : lab.issuedCid(q.iid().digits());
            Run confirm = cli(home, "confirm", q.iid().digits(), cid);
            assertEquals(0, confirm.code, confirm.out + confirm.err);
        }
        assertEquals(0, cli(home, "export", "--lab", LAB, "--out", usb.toString()).code, "export");
        Path bundle = usb.resolve(BundleFormat.folderName(LAB, 1));
        Run verify = cli(home, "verify", bundle.toString(), "--lab", LAB);
        assertEquals(0, verify.code, verify.out);

        Path state = dir.resolve("lab-state.json");
        Clock clock = Clock.fixed(LabTestKit.NOW, ZoneOffset.UTC);
        LabApplyRun.Outcome applied = LabApplyRun.run(new LabApplyRun.Options(bundle, LAB, state, usb, "run-1", false,
                LabApplier.Scope.MACHINE_LIST, null), pinned, lab, clock);
        Run receipts = cli(home, "receipts", applied.resultsPath().toString());
        assertEquals(0, receipts.code, receipts.out + receipts.err);
        assertTrue(receipts.out.contains("CID mistyped: re-enter the CID"), receipts.out);
        assertTrue(receipts.out.contains("4 applied, 1 failed"), receipts.out);

        long failed;
        String failedIid;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            List<ActivationRequest> all = kiosk.requests().list(LAB, null, null, 100);
            assertEquals(4, all.stream().filter(q -> q.state() == RequestState.APPLIED).count());
            ActivationRequest f = all.stream().filter(q -> q.state() == RequestState.FAILED).findFirst().orElseThrow();
            assertEquals(mistypedMachine, f.machine().name());
            failed = f.id();
            failedIid = f.iid().digits();
        }
        // Re-enter the right CID (replacing the mistyped one on record).
        Run reenter = cli(home, "confirm", failedIid, lab.issuedCid(failedIid), "--replace");
        assertEquals(0, reenter.code, reenter.out + reenter.err);
        assertEquals(0, cli(home, "export", "--lab", LAB, "--out", usb.toString()).code, "export #2");
        LabApplyRun.Outcome again = LabApplyRun.run(new LabApplyRun.Options(usb.resolve(BundleFormat.folderName(LAB,
                2)), LAB, state, usb, "run-2", false, LabApplier.Scope.MACHINE_LIST, null), pinned, lab, clock);
        assertEquals(0, cli(home, "receipts", again.resultsPath().toString()).code);
        // The first results file again: already imported, nothing changes, exit 0.
        Run replay = cli(home, "receipts", applied.resultsPath().toString());
        assertEquals(0, replay.code);
        assertTrue(replay.out.contains("already imported"), replay.out);
        // A file that is not a results file: rejected, exit 2.
        Path bogus = Files.writeString(dir.resolve("bogus.json"), "{\"format\":\"gapdesk-results\",\"version\":2}");
        assertEquals(2, cli(home, "receipts", bogus.toString()).code);
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            assertEquals(RequestState.APPLIED, kiosk.requests().find(failed).orElseThrow().state());
            assertEquals(5, kiosk.requests().list(LAB, RequestState.APPLIED, null, 100).size());
        }
    }

    static Map<String, ActivationRequest> requests(KioskLoop loop) {
        Map<String, ActivationRequest> out = new HashMap<>();
        for (ActivationRequest q : loop.kiosk.requests().list(LAB, null, null, 100)) {
            out.put(q.machine().name() + "/" + q.product().activationId(), q);
        }
        return out;
    }

    static String lastDetail(KioskLoop loop, ActivationRequest q) {
        var h = loop.history(q.id());
        return h.get(h.size() - 1).detail();
    }

    /** One CLI run: exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    static Run cli(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = GapdeskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cl.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, String> unzip(Path zip) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
