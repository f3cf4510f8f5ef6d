package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.gapdesk.licensing.LicensingDesk;
import org.gapdesk.licensing.LicensingInputException;
import org.gapdesk.licensing.MakPool;
import org.gapdesk.licensing.MakPoolSnapshot;

/**
 * The MAK pool page ({@code /admin/mak}, admins only): every MAK by its last five characters with its latest
 * reading, the activations keyed since, the count now and its warning; a form to add a MAK and one to record a
 * new reading. A refused value stores nothing and its message never repeats what was typed as the key; the key
 * field is never filled in again.
 */
final class MakPoolPages {
    static final String PATH = "/admin/mak";
    /** Alerts listed on the page. */
    static final int ALERTS_SHOWN = 10;

    private final Pages pages;
    private final LicensingDesk desk;
    private final Clock clock;

    MakPoolPages(Pages pages, LicensingDesk desk, Clock clock) {
        this.pages = pages;
        this.desk = desk;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, null, null, MakPoolForm.EMPTY));
        routes.post(PATH + "/add", ctx -> record(ctx, true));
        routes.post(PATH + "/reading", ctx -> record(ctx, false));
    }

    private void record(Context ctx, boolean adding) {
        String admin = pages.requireAdmin(ctx);
        String last5 = field(ctx, "last5");
        String group = adding ? field(ctx, "group") : "";
        String remaining = field(ctx, "remaining");
        String readOn = field(ctx, "readOn");
        MakPool.Recorded r;
        try {
            r = desk.pool().record(last5, group, remaining, readOn, admin);
        } catch (LicensingInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, null, e.getMessage(), new MakPoolForm(adding, group, remaining, readOn,
                    adding ? "" : safeChoice(last5)));
            return;
        }
        StringBuilder done = new StringBuilder(r.newMak() ? "Added the MAK ending " : "New reading for the MAK ending ")
                .append(r.status().last5()).append(". ").append(r.status().summary());
        if (!r.alerts().isEmpty()) {
            done.append(" A low-count alert was raised")
                    .append(desk.alerts().mailSettings().enabled() ? " and is being mailed." : " (mail is off).");
        }
        show(ctx, done.toString(), null, MakPoolForm.EMPTY);
    }

    private void show(Context ctx, String done, String problem, MakPoolForm form) {
        MakPoolSnapshot pool = desk.pool().snapshot();
        Map<String, Object> params = new HashMap<>();
        params.put("pool", pool.statuses());
        params.put("threshold", pool.threshold());
        params.put("alerts", desk.alerts().recent(ALERTS_SHOWN));
        params.put("done", done);
        params.put("problem", problem);
        params.put("form", form);
        params.put("today", LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).toString());
        params.put("maxRemaining", MakPool.MAX_REMAINING);
        pages.render(ctx, "makpool.jte", "makpool", "MAK pool", params);
    }

    /** A last-five choice from the reading form's list, kept only when it is five letters or digits. */
    private static String safeChoice(String last5) {
        String s = last5.strip();
        return s.matches("[A-Za-z0-9]{5}") ? s.toUpperCase(java.util.Locale.ROOT) : "";
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
