package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.BatchService;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.PlannedEntry;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.intake.UsbDrives;
import org.gapdesk.intake.UsbTicks;
import org.gapdesk.licensing.LicensingFlag;
import org.gapdesk.licensing.LicensingFlags;

/**
 * The import pages: choose files (USB drive or upload) and a lab, preview, confirm, see what was stored.
 * Three clicks from a USB drive to a worksheet: the lab toolkit's new request files on the drive are ticked
 * already ({@link UsbTicks}), so preview, confirm, and one of the worksheet buttons the result page offers for
 * each lab the import brought requests for ({@code POST /batches}, which shows the new batch's worksheet).
 */
final class ImportPages {
    /** Most entry rows shown per file in the preview; the counts always cover all of them. */
    static final int MAX_ROWS_PER_FILE = 1000;

    private final Pages pages;
    private final IntakeService intake;
    private final UsbDrives usb;
    private final PendingImports pending;
    private final LicensingFlags flags;
    private final BatchService batches;

    ImportPages(Pages pages, IntakeService intake, UsbDrives usb, PendingImports pending, LicensingFlags flags,
            BatchService batches) {
        this.pages = pages;
        this.intake = intake;
        this.usb = usb;
        this.pending = pending;
        this.flags = flags;
        this.batches = batches;
    }

    void register(RoutesConfig routes) {
        routes.get("/import", this::choose);
        routes.post("/import/preview", this::hold);
        routes.get("/import/preview/{token}", this::preview);
        routes.post("/import/commit", this::commit);
        routes.get("/import/done/{token}", this::done);
    }

    private void choose(Context ctx) {
        UsbDrives.Listing listing = usb.list();
        pages.render(ctx, "import.jte", "import", "Import", Map.of(
                "usb", listing,
                "ticks", UsbTicks.requestFiles(listing, usb, intake),
                "labs", pages.site().labs(),
                "maxFileBytes", intake.limits().maxFileBytes(),
                "maxFiles", intake.limits().maxFilesPerImport()));
    }

    /** The chosen USB files and uploaded files, held for the preview. */
    private void hold(Context ctx) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(ctx.formParams("file")));
        List<UploadedFile> uploads = Uploads.files(ctx, intake.limits(), pending.maxTotalBytes());
        IntakeDefaults defaults = LabChoice.defaults(pages.site(), ctx.formParam("lab"));
        if (ids.isEmpty() && uploads.isEmpty()) {
            throw new IllegalArgumentException("no file chosen: tick files on the USB drive or choose files to upload");
        }
        if (ids.size() + uploads.size() > intake.limits().maxFilesPerImport()) {
            throw new IllegalArgumentException((ids.size() + uploads.size()) + " files chosen; at most "
                    + intake.limits().maxFilesPerImport() + " in one import");
        }
        long total = uploads.stream().mapToLong(f -> f.bytes().length).sum();
        for (String id : ids) {
            total += usb.size(id);
        }
        if (total > pending.maxTotalBytes()) {
            throw new IllegalArgumentException("the chosen files add up to " + Format.bytes(total) + ", over "
                    + Format.bytes(pending.maxTotalBytes()) + " for one import; choose fewer");
        }
        List<UploadedFile> files = new ArrayList<>();
        for (String id : ids) {
            files.add(usb.read(id));
        }
        files.addAll(uploads);
        ctx.redirect("/import/preview/" + pending.hold(files, defaults), HttpStatus.SEE_OTHER);
    }

    private void preview(Context ctx) {
        String token = token(ctx.pathParam("token"));
        Optional<PendingImports.Pending> held = pending.get(token);
        if (held.isEmpty()) {
            if (pending.result(token).isPresent()) {
                ctx.redirect("/import/done/" + token, HttpStatus.SEE_OTHER);
                return;
            }
            throw gone();
        }
        ImportPreview preview = intake.preview(held.get().files(), held.get().defaults());
        pages.render(ctx, "preview.jte", "import", "Preview import", Map.of(
                "token", token,
                "preview", preview,
                "lab", held.get().defaults().lab(),
                "maxRows", MAX_ROWS_PER_FILE,
                "flags", flagsByEntry(preview)));
    }

    /** The licensing flags of each entry that would be stored (they inform; they never block the import). */
    private Map<PlannedEntry, List<LicensingFlag>> flagsByEntry(ImportPreview preview) {
        List<PlannedEntry> entries = preview.entries();
        List<List<LicensingFlag>> all = flags.flagsForPreview(preview);
        Map<PlannedEntry, List<LicensingFlag>> out = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            out.put(entries.get(i), all.get(i));
        }
        return out;
    }

    private void commit(Context ctx) {
        String token = token(ctx.formParam("token"));
        String operator = pages.requireOperator(ctx, "/import/preview/" + token);
        Optional<PendingImports.Pending> held = pending.take(token);
        if (held.isEmpty()) {
            if (pending.result(token).isPresent()) {
                ctx.redirect("/import/done/" + token, HttpStatus.SEE_OTHER);
                return;
            }
            throw gone();
        }
        ImportResult result;
        try {
            result = intake.commit(held.get().files(), held.get().defaults(), operator);
        } catch (RuntimeException e) {
            pending.putBack(held.get());
            throw e;
        }
        pending.committed(token, result);
        ctx.redirect("/import/done/" + token, HttpStatus.SEE_OTHER);
    }

    private void done(Context ctx) {
        String token = token(ctx.pathParam("token"));
        ImportResult result = pending.result(token).orElseThrow(() -> new NotFoundResponse(
                "this import result is no longer held; the requests page shows what is stored"));
        pages.render(ctx, "done.jte", "import", "Import stored", Map.of("result", result,
                "worksheetLabs", worksheetLabs(result), "channels", List.of(ActivationChannel.values())));
    }

    /** The labs of this import's entries that have requests waiting for a worksheet now, in order of appearance. */
    private List<LabReady> worksheetLabs(ImportResult result) {
        Set<String> codes = new LinkedHashSet<>();
        for (PlannedEntry e : result.preview().entries()) {
            codes.add(e.machine().lab());
        }
        List<LabReady> out = new ArrayList<>();
        for (String code : codes) {
            LabReady lab = LabReady.of(code, pages.site().labs(), batches);
            if (lab.ready() > 0) {
                out.add(lab);
            }
        }
        return out;
    }

    private static String token(String token) {
        if (!PendingImports.wellFormed(token)) {
            throw new IllegalArgumentException("not an import token");
        }
        return token;
    }

    private static NotFoundResponse gone() {
        return new NotFoundResponse("this preview is no longer held: previews are kept for 30 minutes and"
                + " dropped once confirmed. Choose the files again.");
    }
}
