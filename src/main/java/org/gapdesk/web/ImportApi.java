package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.UploadedFile;

/**
 * {@code POST /api/import/preview} and {@code POST /api/import/commit}: multipart {@code files} (any
 * number of file parts) and an optional {@code lab} for files that carry none. Preview stores nothing;
 * commit needs an operator and answers every entry's outcome and the ids of the requests it created.
 */
final class ImportApi {
    private final Pages pages;
    private final IntakeService intake;
    private final long maxTotalBytes;

    ImportApi(Pages pages, IntakeService intake, long maxTotalBytes) {
        this.pages = pages;
        this.intake = intake;
        this.maxTotalBytes = maxTotalBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/import/preview", this::preview);
        routes.post("/api/import/commit", this::commit);
    }

    private void preview(Context ctx) {
        List<UploadedFile> files = files(ctx);
        IntakeDefaults defaults = LabChoice.defaults(pages.site(), ctx.formParam("lab"));
        ctx.json(ApiJson.preview(intake.preview(files, defaults)));
    }

    private void commit(Context ctx) {
        String operator = pages.requireOperator(ctx, "/import");
        List<UploadedFile> files = files(ctx);
        IntakeDefaults defaults = LabChoice.defaults(pages.site(), ctx.formParam("lab"));
        ctx.json(ApiJson.result(intake.commit(files, defaults, operator)));
    }

    private List<UploadedFile> files(Context ctx) {
        List<UploadedFile> files = Uploads.files(ctx, intake.limits(), maxTotalBytes);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file sent: send one or more file parts named 'files'");
        }
        return files;
    }
}
