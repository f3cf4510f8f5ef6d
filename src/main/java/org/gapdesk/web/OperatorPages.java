package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/** Choosing the operator at the kiosk: a name that every change made from this browser records. */
final class OperatorPages {
    private final Pages pages;

    OperatorPages(Pages pages) {
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator", this::form);
        routes.post("/operator", this::choose);
    }

    private void form(Context ctx) {
        show(ctx, Pages.localPath(ctx.queryParam("next")), pages.operators().current(ctx), null);
    }

    private void choose(Context ctx) {
        String next = Pages.localPath(ctx.formParam("next"));
        try {
            pages.operators().choose(ctx, ctx.formParam("name"));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, next, ctx.formParam("name"), e.getMessage());
            return;
        }
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String next, String name, String problem) {
        Map<String, Object> params = new HashMap<>();
        params.put("next", next);
        params.put("name", name == null ? "" : name);
        params.put("problem", problem);
        pages.render(ctx, "operator.jte", "", "Operator", params);
    }
}
