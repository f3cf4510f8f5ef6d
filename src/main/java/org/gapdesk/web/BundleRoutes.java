package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import org.gapdesk.Kiosk;
import org.gapdesk.intake.UsbDrives;

/**
 * Wires the return side of the loop: the bundle pages and API, the receipts pages and API, the lab toolkit
 * download and the kiosk key page (with the admin-only rotation), over the kiosk's bundle exporter, receipt
 * importer and key.
 */
final class BundleRoutes {
    private final BundlePages bundlePages;
    private final BundleApi bundleApi;
    private final ReceiptPages receiptPages;
    private final ReceiptApi receiptApi;
    private final ToolkitPages toolkitPages;
    private final KeyPages keyPages;

    BundleRoutes(Pages pages, Kiosk kiosk) {
        UsbFolders folders = new UsbFolders(kiosk.config().site().usbRoots());
        UsbDrives drives = UsbDrives.of(kiosk.config().site().usbRoots(), kiosk.intake().limits());
        PendingImports held = new PendingImports(WebServer.MAX_HELD_BYTES, WebServer.PREVIEW_TTL, kiosk.clock());
        this.bundlePages = new BundlePages(pages, kiosk, folders);
        this.bundleApi = new BundleApi(pages, kiosk);
        this.receiptPages = new ReceiptPages(pages, kiosk.receipts(), kiosk.intake().limits(), drives, held);
        this.receiptApi = new ReceiptApi(pages, kiosk.receipts(), kiosk.intake().limits());
        this.toolkitPages = new ToolkitPages(pages, kiosk);
        this.keyPages = new KeyPages(pages, kiosk);
    }

    void register(RoutesConfig routes) {
        bundlePages.register(routes);
        bundleApi.register(routes);
        receiptPages.register(routes);
        receiptApi.register(routes);
        toolkitPages.register(routes);
        keyPages.register(routes);
    }
}
