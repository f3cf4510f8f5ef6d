package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import java.time.ZoneId;
import org.gapdesk.Kiosk;
import org.gapdesk.reports.Dashboard;
import org.gapdesk.reports.RecordExport;

/**
 * Wires the licensing desk's pages over the kiosk's one {@link org.gapdesk.licensing.LicensingDesk}: the dashboard
 * ({@code /dashboard}), licensing advice per lab ({@code /advice}), the record as CSV ({@code /export/record.csv})
 * and the MAK pool ({@code /admin/mak}, admins only).
 */
final class LicensingRoutes {
    private final DashboardPages dashboard;
    private final MakPoolPages makPool;

    LicensingRoutes(Pages pages, Kiosk kiosk) {
        Dashboard reports = new Dashboard(kiosk.database(), kiosk.licensing(), kiosk.config().site(), kiosk.clock(),
                ZoneId.systemDefault());
        this.dashboard = new DashboardPages(pages, reports, kiosk.licensing().advisor(),
                new RecordExport(kiosk.database(), kiosk.config().catalog()), kiosk.clock());
        this.makPool = new MakPoolPages(pages, kiosk.licensing(), kiosk.clock());
    }

    void register(RoutesConfig routes) {
        dashboard.register(routes);
        makPool.register(routes);
    }
}
