package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.gapdesk.licensing.LicensingAdvisor;
import org.gapdesk.reports.Dashboard;
import org.gapdesk.reports.DashboardView;
import org.gapdesk.reports.RecordExport;
import org.gapdesk.reports.ReuseChart;

/**
 * The reports side of the licensing desk: the dashboard ({@code /dashboard}, charts drawn on the server as inline
 * SVG, with the same numbers in tables), licensing advice per lab ({@code /advice}) and the record as CSV
 * ({@code /export/record.csv}). Reading any of them changes nothing.
 */
final class DashboardPages {
    private final Pages pages;
    private final Dashboard dashboard;
    private final LicensingAdvisor advisor;
    private final RecordExport export;
    private final Clock clock;

    DashboardPages(Pages pages, Dashboard dashboard, LicensingAdvisor advisor, RecordExport export, Clock clock) {
        this.pages = pages;
        this.dashboard = dashboard;
        this.advisor = advisor;
        this.export = export;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/dashboard", this::dashboard);
        routes.get("/advice", this::advice);
        routes.get("/export/record.csv", this::recordCsv);
    }

    private void dashboard(Context ctx) {
        DashboardView view = dashboard.view(weeks(ctx.queryParam("weeks")));
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        params.put("reuseSvg", ReuseChart.render(view.advice()));
        pages.render(ctx, "dashboard.jte", "dashboard", "Dashboard", params);
    }

    private void advice(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("labs", advisor.advice());
        pages.render(ctx, "advice.jte", "dashboard", "Licensing advice", params);
    }

    private void recordCsv(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"gapdesk-record-" + LocalDate.now(clock)
                + ".csv\"");
        StringWriter out = new StringWriter();
        export.write(out);
        ctx.result(out.toString());
    }

    /** The weeks asked for: {@value Dashboard#DEFAULT_WEEKS} when absent. */
    static int weeks(String text) {
        if (text == null || text.isBlank()) {
            return Dashboard.DEFAULT_WEEKS;
        }
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > Dashboard.MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be a whole number from 1 to " + Dashboard.MAX_WEEKS);
        }
        return Integer.parseInt(text);
    }
}
