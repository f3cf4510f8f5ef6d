package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.BundleExporter;
import org.gapdesk.bundle.BundleRecord;
import org.gapdesk.bundle.ExportResult;

/**
 * The bundles page ({@code /bundles}): the labs with confirmed requests waiting, every bundle made (sequence,
 * entries, status, manifest SHA-256, signing key) and the kiosk key's fingerprint.
 *
 * <p>{@code POST /bundles/export} (fields {@code lab}, optional {@code batch}, {@code to} = {@code usb} with
 * {@code folder}, or {@code download}) makes the lab's next bundle: into a folder on a USB drive, re-resolved
 * and confined by {@link UsbFolders}, answering only after the exporter has read it back and verified it; or
 * as the zip download. {@code GET /bundles/{id}.zip} downloads a written bundle again and
 * {@code POST /bundles/{id}/write} writes it again into a USB folder: the same bytes each time.
 */
final class BundlePages {
    /** Bundles listed. */
    static final int MAX_ROWS = 200;

    private final Pages pages;
    private final Kiosk kiosk;
    private final BundleExporter bundles;
    private final UsbFolders folders;

    BundlePages(Pages pages, Kiosk kiosk, UsbFolders folders) {
        this.pages = pages;
        this.kiosk = kiosk;
        this.bundles = kiosk.bundles();
        this.folders = folders;
    }

    void register(RoutesConfig routes) {
        routes.get("/bundles", ctx -> show(ctx, null, null, HttpStatus.OK));
        routes.post("/bundles/export", this::export);
        routes.get("/bundles/{file}", this::download);
        routes.post("/bundles/{id}/write", this::rewrite);
    }

    private void export(Context ctx) {
        String operator = pages.requireOperator(ctx, "/bundles");
        ExportResult result;
        try {
            String lab = BundleLabs.lab(pages.site(), ctx.formParam("lab"));
            Long batch = BundleLabs.batch(ctx.formParam("batch"));
            if ("download".equals(ctx.formParam("to"))) {
                result = bundles.exportZip(lab, batch, operator);
                sendZip(ctx, result);
                return;
            }
            result = bundles.exportToFolder(lab, batch, operator, folders.resolve(ctx.formParam("folder")));
        } catch (BundleException | IllegalArgumentException e) {
            show(ctx, null, e.getMessage(), e instanceof BundleException ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST);
            return;
        }
        show(ctx, result, null, HttpStatus.OK);
    }

    private void download(Context ctx) {
        long id = BundleLabs.zipId(ctx.pathParam("file"));
        try {
            sendZip(ctx, bundles.rewriteZip(id));
        } catch (BundleException e) {
            show(ctx, null, e.getMessage(), HttpStatus.CONFLICT);
        }
    }

    private void rewrite(Context ctx) {
        pages.requireOperator(ctx, "/bundles");
        ExportResult result;
        try {
            long id = BundleLabs.id(ctx.pathParam("id"));
            result = bundles.rewriteToFolder(id, folders.resolve(ctx.formParam("folder")));
        } catch (BundleException | IllegalArgumentException e) {
            show(ctx, null, e.getMessage(), e instanceof BundleException ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST);
            return;
        }
        show(ctx, result, null, HttpStatus.OK);
    }

    static void sendZip(Context ctx, ExportResult result) {
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", BundleLabs.attachment(result.fileName()));
        ctx.header("X-Gapdesk-Manifest-Sha256", result.manifestSha256());
        ctx.result(result.zip());
    }

    private void show(Context ctx, ExportResult done, String problem, HttpStatus status) {
        List<BundleRecord> rows = bundles.bundles(null);
        boolean more = rows.size() > MAX_ROWS;
        Map<String, Object> params = new HashMap<>();
        params.put("labs", BundleLabs.waiting(pages.site(), kiosk.requests()));
        params.put("rows", more ? rows.subList(0, MAX_ROWS) : rows);
        params.put("more", more);
        params.put("folders", folders.list());
        params.put("roots", folders.roots());
        params.put("fingerprint", kiosk.key().fingerprint());
        params.put("done", done);
        params.put("problem", problem);
        String lab = ctx.method() == HandlerType.GET ? ctx.queryParam("lab") : ctx.formParam("lab");
        params.put("lab", lab == null ? "" : lab);
        ctx.status(status);
        pages.render(ctx, "bundles.jte", "bundles", "Bundles", params);
    }
}
