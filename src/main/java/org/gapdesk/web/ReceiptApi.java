package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.receipts.PlannedReceipt;
import org.gapdesk.receipts.ReceiptEffect;
import org.gapdesk.receipts.ReceiptFilePreview;
import org.gapdesk.receipts.ReceiptImporter;
import org.gapdesk.receipts.ReceiptPreview;

/**
 * Receipts over the JSON API: {@code POST /api/receipts/preview} and {@code POST /api/receipts/commit}, each a
 * multipart upload of one or more results files. A preview stores nothing; a commit stores every accepted
 * file in one transaction. A rejected file is an answer ({@code rejected}, {@code rejection}), not an error.
 */
final class ReceiptApi {
    /** One entry and what importing it does (or did). */
    record Entry(String where, long requestId, String machine, String outcome, String effect, String from,
            String to, String message) {
    }

    /** One results file. */
    record File(String name, String sha256, boolean rejected, String rejection, String lab, long bundleSequence,
            boolean sequenceOverride, boolean alreadyImported, String summary, List<Entry> entries) {
    }

    /** A preview, or a commit when {@code committed}. */
    record Receipts(boolean committed, boolean anyRejected, Map<String, Long> counts, List<File> files) {
    }

    private final Pages pages;
    private final ReceiptImporter receipts;
    private final IntakeLimits limits;

    ReceiptApi(Pages pages, ReceiptImporter receipts, IntakeLimits limits) {
        this.pages = pages;
        this.receipts = receipts;
        this.limits = limits;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/receipts/preview", ctx -> ctx.json(json(receipts.preview(files(ctx)), false)));
        routes.post("/api/receipts/commit", this::commit);
    }

    private void commit(Context ctx) {
        String operator = pages.requireOperator(ctx, "/receipts");
        ctx.json(json(receipts.commit(files(ctx), operator), true));
    }

    private List<UploadedFile> files(Context ctx) {
        List<UploadedFile> files = Uploads.files(ctx, limits, WebServer.MAX_HELD_BYTES);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file sent: send one or more results files as file parts");
        }
        if (files.size() > limits.maxFilesPerImport()) {
            throw new IllegalArgumentException(files.size() + " files sent; at most " + limits.maxFilesPerImport()
                    + " at once");
        }
        return files;
    }

    static Receipts json(ReceiptPreview p, boolean committed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReceiptEffect e : ReceiptEffect.values()) {
            counts.put(e.name(), p.count(e));
        }
        List<File> files = p.files().stream().map(ReceiptApi::file).toList();
        return new Receipts(committed, p.anyRejected(), counts, files);
    }

    private static File file(ReceiptFilePreview f) {
        List<Entry> entries = f.entries().stream().map(ReceiptApi::entry).toList();
        return new File(f.fileName(), f.sha256(), f.rejected(), f.rejection(), f.lab(), f.bundleSequence(),
                f.sequenceOverride(), f.alreadyImported(), f.summary(), entries);
    }

    private static Entry entry(PlannedReceipt e) {
        return new Entry(e.where(), e.requestId(), e.machine(), e.outcome(), e.effect().name(),
                e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(), e.message());
    }
}
