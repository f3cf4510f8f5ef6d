package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers: JSON {@code {"status":..,"message":..}} under {@code /api/}, an error page
 * elsewhere. Bad input is a 4xx with a message that says what to fix; only unexpected failures are 500s,
 * and those are logged.
 */
final class WebErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    private final Pages pages;

    WebErrors(Pages pages) {
        this.pages = pages;
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
    }

    /** Answers with {@code status} and {@code message}. */
    void respond(Context ctx, int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message;
        ctx.status(status);
        if (isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("message", text);
            ctx.json(body);
            return;
        }
        try {
            pages.render(ctx, "error.jte", "", "Problem", Map.of("status", status, "message", text));
        } catch (RuntimeException e) {
            LOG.error("cannot render the error page", e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + text);
        }
    }

    /** No operator: 401 for the API, else to the chooser and back. */
    void operatorRequired(OperatorRequiredException e, Context ctx) {
        if (isApi(ctx)) {
            respond(ctx, 401, e.getMessage());
            return;
        }
        ctx.redirect("/operator?next=" + URLEncoder.encode(Pages.localPath(e.next()), StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    /** Anything else: a 400 when the request was at fault as far as can be told, else a logged 500. */
    void unexpected(Exception e, Context ctx) {
        if (isTooLarge(e)) {
            respond(ctx, 413, "the upload is over the size limit: at most " + Format.bytes(maxFile) + " per file"
                    + " and " + Format.bytes(maxTotal) + " in all");
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "something went wrong inside the kiosk; the kiosk log has the details");
    }

    private long maxFile;
    private long maxTotal;

    /** The upload limits named in the message for an upload over them. */
    void uploadLimits(long maxFileBytes, long maxTotalBytes) {
        this.maxFile = maxFileBytes;
        this.maxTotal = maxTotalBytes;
    }

    /** True when {@code e} (or a cause) is the servlet container refusing a too large multipart upload. */
    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds max") || m.contains("max file size") || m.contains("max request size")
                    || m.contains("request too large") || m.contains("too large") || m.contains("413")) {
                return true;
            }
        }
        return false;
    }
}
