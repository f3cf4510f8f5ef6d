package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.ZoneId;
import org.gapdesk.Kiosk;
import org.gapdesk.batch.BatchService;
import org.gapdesk.mail.MailSettings;
import org.gapdesk.mail.Mailer;
import org.gapdesk.worksheet.WorksheetService;

/**
 * Wires the worksheet and call-mode side of the kiosk: the batch pages, call mode and {@code POST /api/confirm},
 * over the kiosk's batch service and one set of worksheet and mail services on the kiosk's clock. Mail settings are read once, at start.
 */
final class BatchRoutes {
    private final BatchPages batchPages;
    private final CallModePages callPages;
    private final CallApi callApi;

    BatchRoutes(Pages pages, Kiosk kiosk, BatchService batches) {
        Clock clock = kiosk.clock();
        WorksheetService worksheets = new WorksheetService(kiosk.config(), batches, () -> kiosk.key().fingerprint(),
                ZoneId.systemDefault());
        BatchMail mail = new BatchMail(new Mailer(MailSettings.load(kiosk.home().config()), clock), clock);
        CallFlow flow = new CallFlow(batches, kiosk.confirmations());
        this.batchPages = new BatchPages(pages, batches, worksheets, kiosk.requests(), kiosk.config(), mail);
        this.callPages = new CallModePages(pages, batches, kiosk.requests(), kiosk.config(), flow);
        this.callApi = new CallApi(pages, flow);
    }

    void register(RoutesConfig routes) {
        batchPages.register(routes);
        callPages.register(routes);
        callApi.register(routes);
    }
}
