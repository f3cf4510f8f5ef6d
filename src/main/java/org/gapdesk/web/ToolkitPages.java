package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.config.Lab;
import org.gapdesk.lab.LabToolkit;
import org.gapdesk.lab.PinnedKey;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.signing.Sha256;

/**
 * The lab toolkit page ({@code /toolkit}): one zip per lab (and one that asks for the lab) with its SHA-256,
 * and the kiosk key fingerprint the lab compares once, on paper, before it trusts the toolkit.
 * {@code GET /toolkit/download?lab=LAB-A} gives the zip; the same key gives the same bytes, so the SHA-256
 * shown is the SHA-256 of the download.
 */
final class ToolkitPages {
    private final Pages pages;
    private final Kiosk kiosk;

    ToolkitPages(Pages pages, Kiosk kiosk) {
        this.pages = pages;
        this.kiosk = kiosk;
    }

    void register(RoutesConfig routes) {
        routes.get("/toolkit", this::page);
        routes.get("/toolkit/download", this::download);
    }

    private void page(Context ctx) {
        KioskKey key = kiosk.key();
        List<ToolkitZip> zips = new ArrayList<>();
        List<String> labs = new ArrayList<>();
        for (Lab lab : pages.site().labs()) {
            labs.add(lab.code());
        }
        labs.add(null);
        for (String lab : labs) {
            byte[] zip = zip(key, lab);
            zips.add(new ToolkitZip(lab, LabToolkit.zipName(lab), zip.length, Sha256.hex(zip),
                    "/toolkit/download" + (lab == null ? "" : "?lab=" + Format.url(lab))));
        }
        pages.render(ctx, "toolkit.jte", "toolkit", "Lab toolkit", Map.of("zips", zips,
                "fingerprint", key.fingerprint(), "shipped", LabToolkit.SHIPPED));
    }

    private void download(Context ctx) {
        String param = ctx.queryParam("lab");
        String lab = param == null || param.isBlank() ? null : BundleLabs.lab(pages.site(), param);
        byte[] zip = zip(kiosk.key(), lab);
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", BundleLabs.attachment(LabToolkit.zipName(lab)));
        ctx.header("X-Gapdesk-Sha256", Sha256.hex(zip));
        ctx.result(zip);
    }

    private byte[] zip(KioskKey key, String lab) {
        return LabToolkit.zip(PinnedKey.of(key.publicKey()), kiosk.config().site().kioskId(), lab, key::sign);
    }

}
