package org.gapdesk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.config.KioskHome;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.receipts.ReceiptPreview;
import org.gapdesk.store.RequestEvent;
import org.gapdesk.store.TestDatabase;

/**
 * A real kiosk (H2 file database in a temporary folder, or PostgreSQL under {@link org.gapdesk.store.OnPostgres})
 * and a USB folder, driving the loop through the
 * kiosk's own services: import a request file collected from a {@link SimulatedLab}, confirm CIDs, export a
 * bundle, apply it with the lab reference, import the results file.
 */
public final class KioskLoop implements AutoCloseable {
    public static final String OPERATOR = "alice";

    public final Kiosk kiosk;
    public final Path usb;
    public final Clock clock = Clock.fixed(LabTestKit.NOW, ZoneOffset.UTC);

    public KioskLoop(Path dir) {
        TestDatabase.prepareHome(dir.resolve("home"));
        kiosk = Kiosk.open(KioskHome.of(dir.resolve("home")), clock);
        try {
            usb = Files.createDirectories(dir.resolve("usb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kiosk key as the toolkit pins it. */
    public PinnedKey pinned() {
        return PinnedKey.of(kiosk.key().publicKey());
    }

    /** Collects {@code lab} as {@code Collect-Gapdesk.ps1 -ComputerName ...} would and imports the file. */
    public ImportResult importFrom(SimulatedLab lab, String labCode) {
        byte[] file = new LabCollector(lab).collect(labCode, null, LabTestKit.NOW.toString(), false);
        return kiosk.intake().commit(List.of(new UploadedFile("gapdesk-request-" + labCode + ".json", file)),
                new IntakeDefaults(labCode), OPERATOR);
    }

    /** Keys {@code cid} for {@code requestId}, as an operator does; fails the test when it is not stored. */
    public void confirm(long requestId, String cid) {
        ConfirmResult r = kiosk.confirmations().confirm(requestId, cid, false, false, OPERATOR);
        if (r.status() != ConfirmStatus.STORED && r.status() != ConfirmStatus.UNCHANGED) {
            throw new AssertionError("CID for request " + requestId + " not stored: " + r.message());
        }
    }

    /** Keys a corrected CID for a failed request, replacing the mistyped one on record (kept in the history). */
    public void reenter(long requestId, String cid) {
        ConfirmResult r = kiosk.confirmations().confirm(requestId, cid, false, true, OPERATOR);
        if (r.status() != ConfirmStatus.STORED) {
            throw new AssertionError("corrected CID for request " + requestId + " not stored: " + r.message());
        }
    }

    /** Exports every confirmed request of {@code labCode} to the USB folder. */
    public ExportResult export(String labCode) {
        return kiosk.bundles().exportToFolder(labCode, null, OPERATOR, usb);
    }

    /** Applies {@code bundle} with the lab reference over all machines of {@code lab}; returns the results. */
    public LabApplyRun.Outcome apply(Path bundle, SimulatedLab lab, String labCode) throws BundleRejectedException {
        return LabApplyRun.run(new LabApplyRun.Options(bundle, labCode, usb.resolve("lab-state-" + labCode + ".json"),
                usb, "run-1", false, LabApplier.Scope.MACHINE_LIST, null), pinned(), lab, clock);
    }

    /** Imports results files at the kiosk. */
    public ReceiptPreview receipts(Path... files) {
        List<UploadedFile> uploads = java.util.Arrays.stream(files).map(f -> {
            try {
                return new UploadedFile(f.getFileName().toString(), Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return kiosk.receipts().commit(uploads, OPERATOR);
    }

    public ActivationRequest request(long id) {
        return kiosk.requests().find(id).orElseThrow();
    }

    public RequestState state(long id) {
        return request(id).state();
    }

    public List<RequestEvent> history(long id) {
        return kiosk.requests().history(id);
    }

    /** The request of {@code labCode} for {@code machine} and Activation ID, newest first. */
    public ActivationRequest find(String labCode, String machine, String activationId) {
        return kiosk.requests().list(labCode, null, machine, 1000).stream()
                .filter(r -> r.machine().name().equals(machine) && activationId.equals(r.product().activationId()))
                .findFirst().orElseThrow(() -> new AssertionError("no request for " + machine));
    }

    @Override
    public void close() {
        kiosk.close();
    }
}
