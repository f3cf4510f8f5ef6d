package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.operator.Session;
import org.gapdesk.qr.QrImageDecoder;
import org.gapdesk.qr.QrImageException;
import org.gapdesk.qr.QrImageLimits;
import org.gapdesk.qr.QrMessage;

/**
 * The QR intake page {@code /qr}: webcam, photos, a handheld scanner's keystrokes and paste all feed the
 * signed-in session's one {@link QrScan}; "Preview import" hands the completed messages and scanned text to
 * the same preview and confirm pages as USB files ({@link PendingImports}, {@code /import/preview/...}).
 *
 * <p>Pages (forms, work without script): {@code GET /qr}, {@code POST /qr/photos} (multipart {@code photos}),
 * {@code POST /qr/lines} (field {@code text}: one payload a line), {@code POST /qr/preview} (fields
 * {@code machine}, {@code lab}), {@code POST /qr/clear}. API for the page's script, answering
 * {@link Answer}: {@code POST /api/qr/frame} (body: one JPEG or PNG webcam frame), {@code POST /api/qr/lines}
 * (field {@code text}), {@code GET /api/qr/status}.
 */
final class QrRoutes {
    /** Largest webcam frame accepted, in bytes (a 640 x 480 JPEG is about 50 KB). */
    static final int MAX_FRAME_BYTES = 1_000_000;
    /** After this many frames in a row without a code, one frame gets the full (slow) decode: low light. */
    static final int THOROUGH_EVERY = 5;

    /**
     * What the page's script gets back.
     *
     * @param state {@code idle}, {@code scanning} or {@code complete}
     * @param progress the one-line progress
     * @param ready true when there is something to preview
     * @param codes codes found in this frame (0 for other calls)
     * @param html the status panel, rendered as on the page
     */
    record Answer(String state, String progress, boolean ready, int codes, String html) {
    }

    private final Pages pages;
    private final IntakeService intake;
    private final PendingImports pending;
    private final QrImageDecoder decoder = new QrImageDecoder();
    private final Templates templates = new Templates();
    private final QrScans scans;

    QrRoutes(Pages pages, Kiosk kiosk, PendingImports pending) {
        this.pages = pages;
        this.intake = kiosk.intake();
        this.pending = pending;
        this.scans = new QrScans(token -> kiosk.sessions().peek(token).isPresent(),
                () -> new QrScan(intake.limits(), this::previewOf));
    }

    void register(RoutesConfig routes) {
        routes.get("/qr", this::page);
        routes.post("/qr/photos", this::photos);
        routes.post("/qr/lines", ctx -> {
            lines(ctx);
            ctx.redirect("/qr#scan", HttpStatus.SEE_OTHER);
        });
        routes.post("/qr/preview", this::preview);
        routes.post("/qr/clear", ctx -> {
            scan(ctx).clear();
            ctx.redirect("/qr", HttpStatus.SEE_OTHER);
        });
        routes.post("/api/qr/frame", this::frame);
        routes.post("/api/qr/lines", ctx -> answer(ctx, lines(ctx), 0));
        routes.get("/api/qr/status", ctx -> answer(ctx, scan(ctx), 0));
    }

    private void page(Context ctx) {
        pages.render(ctx, "qr.jte", "qr", "QR codes", Map.of(
                "view", scan(ctx).view(),
                "labs", pages.site().labs(),
                "maxPhotos", QrImageLimits.DEFAULT.maxImages()));
    }

    /** Decodes one webcam frame and offers what it holds. A frame that is not an image is a note, not an error. */
    private void frame(Context ctx) {
        QrScan scan = scan(ctx);
        byte[] bytes = body(ctx);
        List<String> texts;
        try {
            texts = decoder.decodeFrame("webcam frame", bytes);
            if (texts.isEmpty() && scan.emptyFrames() % THOROUGH_EVERY == THOROUGH_EVERY - 1) {
                texts = decoder.decode("webcam frame", bytes);
            }
        } catch (QrImageException e) {
            scan.problem(e.getMessage());
            texts = List.of();
        }
        scan.frame(texts);
        answer(ctx, scan, texts.size());
    }

    private void photos(Context ctx) {
        QrScan scan = scan(ctx);
        List<UploadedFile> files = Uploads.files(ctx, intake.limits(), WebServer.MAX_HELD_BYTES);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no photo chosen: choose one or more photos of QR codes");
        }
        List<QrImageDecoder.Photo> photos = new ArrayList<>();
        for (UploadedFile f : files) {
            photos.add(new QrImageDecoder.Photo(f.name(), f.bytes()));
        }
        for (QrImageDecoder.PhotoResult r : decoder.decodePhotos(photos)) {
            if (r.error() != null) {
                scan.problem(r.error());
            } else if (r.texts().isEmpty()) {
                scan.problem(r.name() + ": no QR code found; take the photo again, closer and sharper");
            } else {
                scan.info(r.name() + ": " + r.texts().size() + " QR code" + (r.texts().size() == 1 ? "" : "s")
                        + " found");
                for (String t : r.texts()) {
                    scan.offer(t);
                }
            }
        }
        ctx.redirect("/qr#status", HttpStatus.SEE_OTHER);
    }

    private QrScan lines(Context ctx) {
        String text = ctx.formParam("text");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to read: scan or paste QR payloads, one a line");
        }
        QrScan scan = scan(ctx);
        scan.lines(text);
        return scan;
    }

    /** Hands the scan to the import preview, like chosen files, and starts a new scan. */
    private void preview(Context ctx) {
        QrScan scan = scan(ctx);
        IntakeDefaults defaults = LabChoice.defaults(pages.site(), ctx.formParam("lab"));
        List<UploadedFile> files = scan.uploads(ctx.formParam("machine"));
        String token = pending.hold(files, defaults);
        scan.clear();
        ctx.redirect("/import/preview/" + token, HttpStatus.SEE_OTHER);
    }

    private void answer(Context ctx, QrScan scan, int codes) {
        QrScanView view = scan.view();
        ctx.json(new Answer(view.state(), view.progress(), view.ready(), codes,
                templates.render("tag/qrstatus.jte", Map.of("view", view))));
    }

    private QrScan scan(Context ctx) {
        Session s = pages.operators().session(ctx);
        if (s == null) {
            throw new OperatorRequiredException("/qr");
        }
        return scans.of(s.token());
    }

    private QrCompletion previewOf(QrMessage m) {
        return QrCompletion.of(m.request().lab(), intake.preview(
                List.of(new UploadedFile(m.fileName(), m.bytes())), new IntakeDefaults(null)));
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FRAME_BYTES + 1);
            if (bytes.length > MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("webcam frame over the limit of " + MAX_FRAME_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new IllegalArgumentException("no webcam frame sent: send one JPEG or PNG image as the body");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
