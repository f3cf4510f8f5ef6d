package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.intake.UsbDrives;
import org.gapdesk.intake.UsbTicks;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.receipts.ReceiptImporter;
import org.gapdesk.receipts.ReceiptPreview;

/**
 * The receipts pages: {@code /receipts} chooses the lab's results files (on a USB drive or uploaded),
 * {@code POST /receipts/preview} holds them and shows what importing them would do, entry by entry
 * ({@code /receipts/preview/{token}}), and {@code POST /receipts/commit} imports them and shows each entry's
 * outcome and reason.
 */
final class ReceiptPages {
    private final Pages pages;
    private final ReceiptImporter receipts;
    private final IntakeLimits limits;
    private final UsbDrives usb;
    private final PendingImports held;

    ReceiptPages(Pages pages, ReceiptImporter receipts, IntakeLimits limits, UsbDrives usb, PendingImports held) {
        this.pages = pages;
        this.receipts = receipts;
        this.limits = limits;
        this.usb = usb;
        this.held = held;
    }

    void register(RoutesConfig routes) {
        routes.get("/receipts", this::choose);
        routes.post("/receipts/preview", this::hold);
        routes.get("/receipts/preview/{token}", this::preview);
        routes.post("/receipts/commit", this::commit);
    }

    private void choose(Context ctx) {
        UsbDrives.Listing listing = usb.list();
        pages.render(ctx, "receipts.jte", "receipts", "Receipts", Map.of("usb", listing,
                "ticks", UsbTicks.of(listing, usb, f -> f.jsonNamed(ResultsFile.NAME_PREFIX), receipts::importedBefore),
                "maxFileBytes", limits.maxFileBytes()));
    }

    private void hold(Context ctx) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(ctx.formParams("file")));
        List<UploadedFile> uploads = Uploads.files(ctx, limits, held.maxTotalBytes());
        if (ids.isEmpty() && uploads.isEmpty()) {
            throw new IllegalArgumentException("no file chosen: tick results files on the USB drive or choose files"
                    + " to upload");
        }
        if (ids.size() + uploads.size() > limits.maxFilesPerImport()) {
            throw new IllegalArgumentException((ids.size() + uploads.size()) + " files chosen; at most "
                    + limits.maxFilesPerImport() + " at once");
        }
        long total = uploads.stream().mapToLong(f -> f.bytes().length).sum();
        for (String id : ids) {
            total += usb.size(id);
        }
        if (total > held.maxTotalBytes()) {
            throw new IllegalArgumentException("the chosen files add up to " + Format.bytes(total) + ", over "
                    + Format.bytes(held.maxTotalBytes()) + "; choose fewer");
        }
        List<UploadedFile> files = new ArrayList<>();
        for (String id : ids) {
            files.add(usb.read(id));
        }
        files.addAll(uploads);
        ctx.redirect("/receipts/preview/" + held.hold(files, new IntakeDefaults(null)), HttpStatus.SEE_OTHER);
    }

    private void preview(Context ctx) {
        String token = token(ctx.pathParam("token"));
        PendingImports.Pending p = held.get(token).orElseThrow(ReceiptPages::gone);
        show(ctx, token, receipts.preview(p.files()), false);
    }

    private void commit(Context ctx) {
        String token = token(ctx.formParam("token"));
        String operator = pages.requireOperator(ctx, "/receipts/preview/" + token);
        Optional<PendingImports.Pending> p = held.take(token);
        if (p.isEmpty()) {
            throw gone();
        }
        ReceiptPreview result;
        try {
            result = receipts.commit(p.get().files(), operator);
        } catch (RuntimeException e) {
            held.putBack(p.get());
            throw e;
        }
        show(ctx, token, result, true);
    }

    private void show(Context ctx, String token, ReceiptPreview preview, boolean committed) {
        pages.render(ctx, "receipt-preview.jte", "receipts", committed ? "Receipts imported" : "Preview receipts",
                Map.of("token", token, "preview", preview, "committed", committed));
    }

    private static String token(String token) {
        if (!PendingImports.wellFormed(token)) {
            throw new IllegalArgumentException("not a receipts token");
        }
        return token;
    }

    private static NotFoundResponse gone() {
        return new NotFoundResponse("this preview is no longer held: previews are kept for 30 minutes and dropped"
                + " once imported. Choose the files again; importing the same file twice changes nothing.");
    }
}
