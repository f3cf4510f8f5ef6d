package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.audit.AuditCsv;
import org.gapdesk.audit.AuditEntry;
import org.gapdesk.audit.AuditLog;

/**
 * The audit page ({@code /audit}): the newest entries, the result of verifying the whole chain and its head
 * hash; {@code /audit/export.csv} downloads the whole log as CSV.
 */
final class AuditPages {
    /** Entries on the page. */
    static final int SHOWN = 200;

    private final Pages pages;
    private final AuditLog audit;

    AuditPages(Pages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/audit", this::page);
        routes.get("/audit/export.csv", this::export);
    }

    private void page(Context ctx) {
        List<AuditEntry> latest = audit.latest(SHOWN);
        Map<String, Object> params = new HashMap<>();
        params.put("entries", latest);
        params.put("verification", audit.verify());
        params.put("head", latest.isEmpty() ? null : latest.get(0));
        pages.render(ctx, "audit.jte", "audit", "Audit log", params);
    }

    private void export(Context ctx) {
        StringWriter out = new StringWriter();
        AuditCsv.write(audit.all(), out);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"gapdesk-audit-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        ctx.result(out.toString());
    }
}
