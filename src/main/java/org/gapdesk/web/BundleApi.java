package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.BundleExporter;
import org.gapdesk.bundle.BundleRecord;
import org.gapdesk.bundle.BundleStatus;
import org.gapdesk.bundle.ExportResult;

/**
 * Bundles over the JSON API.
 *
 * <p>{@code POST /api/bundles} (form fields or a JSON object: {@code lab}, optional {@code batch}) makes the
 * lab's next bundle as a download, verified before it is recorded, and answers its metadata with a
 * {@code download} link; {@code GET /api/bundles/{id}.zip} gives the zip of a written bundle (the same bytes
 * every time) and {@code GET /api/bundles/{id}} its metadata. Nothing to export, an unknown batch or a bundle
 * that is not written answer 409 with the exporter's message.
 */
final class BundleApi {
    /**
     * A bundle.
     *
     * @param id record id
     * @param lab lab code
     * @param sequence the lab's bundle number
     * @param status {@code RESERVED}, {@code WRITTEN} or {@code FAILED}
     * @param entryCount entries
     * @param manifestSha256 SHA-256 hex of manifest.json
     * @param keyFingerprint SHA-256 hex of the signing public key
     * @param batchId the batch it was made from, or null
     * @param createdAt export time
     * @param createdBy operator
     * @param exportedRequestIds requests this export moved to exported (empty for metadata of an older bundle)
     * @param changedMeanwhile requests that changed while it was written and stay confirmed
     * @param download where to get its zip, or null when it is not written
     */
    record Bundle(long id, String lab, long sequence, String status, int entryCount, String manifestSha256,
            String keyFingerprint, Long batchId, String createdAt, String createdBy, List<Long> exportedRequestIds,
            List<Long> changedMeanwhile, String download) {
    }

    private final Pages pages;
    private final BundleExporter bundles;

    BundleApi(Pages pages, Kiosk kiosk) {
        this.pages = pages;
        this.bundles = kiosk.bundles();
    }

    void register(RoutesConfig routes) {
        routes.post("/api/bundles", this::export);
        routes.get("/api/bundles/{file}", this::get);
    }

    private void export(Context ctx) {
        String operator = pages.requireOperator(ctx, "/bundles");
        Map<String, String> in = fields(ctx);
        String lab = BundleLabs.lab(pages.site(), in.get("lab"));
        Long batch = BundleLabs.batch(in.get("batch"));
        ExportResult r;
        try {
            r = bundles.exportZip(lab, batch, operator);
        } catch (BundleException e) {
            throw new ConflictResponse(e.getMessage());
        }
        ctx.status(201).json(json(r.bundle(), r.exportedRequestIds(), r.changedMeanwhile()));
    }

    private void get(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".zip")) {
            long id = BundleLabs.id(file);
            BundleRecord b = bundles.find(id).orElseThrow(() -> new NotFoundResponse("there is no bundle " + id));
            ctx.json(json(b, List.of(), List.of()));
            return;
        }
        long id = BundleLabs.zipId(file);
        if (bundles.find(id).isEmpty()) {
            throw new NotFoundResponse("there is no bundle " + id);
        }
        try {
            BundlePages.sendZip(ctx, bundles.rewriteZip(id));
        } catch (BundleException e) {
            throw new ConflictResponse(e.getMessage());
        }
    }

    static Bundle json(BundleRecord b, List<Long> exported, List<Long> changed) {
        return new Bundle(b.id(), b.lab(), b.sequence(), b.status().name(), b.entryCount(), b.manifestSha256(),
                b.keyFingerprint(), b.batchId(), b.createdAt().toString(), b.createdBy(), exported, changed,
                b.status() == BundleStatus.WRITTEN ? "/api/bundles/" + b.id() + ".zip" : null);
    }

    /** {@code lab} and {@code batch} from a JSON object body, else from the form. */
    private static Map<String, String> fields(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase().startsWith("application/json")) {
            Map<?, ?> body;
            try {
                body = ctx.bodyAsClass(Map.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the body is not a JSON object with lab and batch");
            }
            HashMap<String, String> out = new HashMap<>();
            for (String k : List.of("lab", "batch")) {
                Object v = body == null ? null : body.get(k);
                if (v != null && !(v instanceof String) && !(v instanceof Number)) {
                    throw new IllegalArgumentException(k + " must be a string or a number");
                }
                out.put(k, v == null ? null : v.toString());
            }
            return out;
        }
        HashMap<String, String> out = new HashMap<>();
        out.put("lab", ctx.formParam("lab"));
        out.put("batch", ctx.formParam("batch"));
        return out;
    }
}
