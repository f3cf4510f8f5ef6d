package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.Session;

/**
 * Renders a page inside the common frame, and finds the operator a request acts as. {@link AccessGate} has
 * already refused any state-changing request without a signed-in operator and a valid CSRF token, and any
 * {@code /admin} request from a non-admin; {@link #requireOperator} and {@link #requireAdmin} name the
 * operator for the record (and refuse again, should a route be reached some other way).
 */
final class Pages {
    private final SiteSettings site;
    private final OperatorResolver operators;
    private final Templates templates;
    private final Duration idleTimeout;

    Pages(SiteSettings site, OperatorResolver operators, Templates templates, Duration idleTimeout) {
        this.site = site;
        this.operators = operators;
        this.templates = templates;
        this.idleTimeout = idleTimeout;
    }

    SiteSettings site() {
        return site;
    }

    OperatorResolver operators() {
        return operators;
    }

    /** Renders {@code template} with {@code params} plus {@code frame}, as the response. */
    void render(Context ctx, String template, String section, String title, Map<String, Object> params) {
        ctx.html(renderToString(ctx, template, section, title, params));
    }

    String renderToString(Context ctx, String template, String section, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("frame", frame(ctx, section, title));
        return templates.render(template, all);
    }

    /** The frame of a page of this request. */
    PageFrame frame(Context ctx, String section, String title) {
        String here = ctx.method() == HandlerType.GET ? here(ctx) : "/";
        Session s = operators.session(ctx);
        return new PageFrame(site.siteName(), s == null ? null : s.operator().name(), section, title, here,
                s == null ? "" : s.csrfToken(), s != null && s.operator().role() == Role.ADMIN,
                idleTimeout.toSeconds());
    }

    /**
     * The operator of this request.
     *
     * @param next the page to come back to after signing in
     * @throws OperatorRequiredException when nobody is signed in
     */
    String requireOperator(Context ctx, String next) {
        String op = operators.current(ctx);
        if (op == null) {
            throw new OperatorRequiredException(next);
        }
        return op;
    }

    /**
     * The operator of this request, who must be an admin.
     *
     * @throws OperatorRequiredException when nobody is signed in
     * @throws ForbiddenResponse (403) when the operator is not an admin
     */
    String requireAdmin(Context ctx) {
        Session s = operators.session(ctx);
        if (s == null) {
            throw new OperatorRequiredException(here(ctx));
        }
        if (!s.operator().role().allows(Role.ADMIN)) {
            throw new ForbiddenResponse(AccessGate.ADMIN_ONLY);
        }
        return s.operator().name();
    }

    /** This request's path and query. */
    static String here(Context ctx) {
        String q = ctx.queryString();
        return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    /**
     * {@code next} when it is a path on this kiosk, else {@code /}. Keeps redirects from leaving the kiosk.
     */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.length() > 2000) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char ch = next.charAt(i);
            if (ch == '\\' || ch < 0x21 || ch == 0x7f) {
                return "/";
            }
        }
        return next;
    }
}
