package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers: JSON {@code {"status":..,"message":..}} under {@code /api/}, an error page
 * elsewhere. Bad input is a 4xx with a message that says what to fix; only unexpected failures are 500s,
 * and those are logged. Refusals of {@link AccessGate}: 401 without an operator (a page asked for by GET goes
 * to sign in instead), 403 for a bad token or role, 421 for a wrong {@code Host}.
 */
final class WebErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    private final Pages pages;
    private final long maxFile;
    private final long maxTotal;

    /** Errors rendered with {@code pages}; the upload limits are named when an upload is over them. */
    WebErrors(Pages pages, long maxFileBytes, long maxTotalBytes) {
        this.pages = pages;
        this.maxFile = maxFileBytes;
        this.maxTotal = maxTotalBytes;
    }

    /** True for the JSON API and the session checks of the idle prompt: they answer JSON, never a page. */
    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/api") || ctx.path().startsWith("/session/");
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

    /** Nobody signed in: a page asked for by GET goes to sign in and comes back; anything else is a 401. */
    void operatorRequired(OperatorRequiredException e, Context ctx) {
        if (isApi(ctx) || AccessGate.changesState(ctx.method())) {
            respond(ctx, 401, e.getMessage());
            return;
        }
        ctx.redirect(AccessGate.signInLink(e.next(), e.ended()), HttpStatus.SEE_OTHER);
    }

    /** A wrong {@code Host}: a short plain answer that shows nothing of the kiosk. */
    void hostRefused(HostCheck.HostRefusedException e, Context ctx) {
        ctx.status(HttpStatus.MISDIRECTED_REQUEST).contentType("text/plain; charset=utf-8").result(e.getMessage());
    }

    /** Anything else: a 4xx when the request was at fault as far as can be told, else a logged 500. */
    void unexpected(Exception e, Context ctx) {
        if (isTooLarge(e)) {
            respond(ctx, 413, "the upload is over the size limit: at most " + Format.bytes(maxFile) + " per file"
                    + " and " + Format.bytes(maxTotal) + " in all");
            return;
        }
        int clientError = clientErrorStatus(e);
        if (clientError > 0) {
            respond(ctx, clientError, "the request could not be read (" + clientError + "); send a form or"
                    + " multipart/form-data upload");
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "something went wrong inside the kiosk; the kiosk log has the details");
    }

    /** True when {@code e} or a cause is the multipart parser refusing an upload over the size limits. */
    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IllegalStateException && (m.startsWith("max file size exceeded")
                    || m.startsWith("max length exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** The 4xx status the servlet container gave a request it could not read, or 0. */
    static int clientErrorStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException he && he.getCode() >= 400 && he.getCode() < 500) {
                return he.getCode();
            }
        }
        return 0;
    }
}
