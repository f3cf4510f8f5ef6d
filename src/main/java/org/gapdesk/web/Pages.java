package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.Map;
import org.gapdesk.config.SiteSettings;

/** Renders a page inside the common frame, and finds the operator a state-changing request needs. */
final class Pages {
    private final SiteSettings site;
    private final OperatorResolver operators;
    private final Templates templates;

    Pages(SiteSettings site, OperatorResolver operators, Templates templates) {
        this.site = site;
        this.operators = operators;
        this.templates = templates;
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
        String here = ctx.method() == HandlerType.GET ? here(ctx) : "/";
        all.put("frame", new PageFrame(site.siteName(), operators.current(ctx), section, title, here));
        return templates.render(template, all);
    }

    /**
     * The operator of this request.
     *
     * @param next the page to come back to once one is chosen
     * @throws OperatorRequiredException when none is chosen
     */
    String requireOperator(Context ctx, String next) {
        String op = operators.current(ctx);
        if (op == null) {
            throw new OperatorRequiredException(next);
        }
        return op;
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
