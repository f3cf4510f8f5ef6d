package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.signing.KeyRotator;
import org.gapdesk.signing.KioskKey;

/**
 * The kiosk key page ({@code /key}): fingerprint, algorithm, creation date and the recorded rotations;
 * {@code /key/kiosk-public.pem} and {@code /key/kiosk-certificate.pem} download the public key and the
 * self-signed certificate. {@code POST /admin/key/rotate} (admins only, field {@code confirm=yes}) replaces the
 * key; the kiosk records the rotation in the audit chain.
 */
final class KeyPages {
    private final Pages pages;
    private final Kiosk kiosk;

    KeyPages(Pages pages, Kiosk kiosk) {
        this.pages = pages;
        this.kiosk = kiosk;
    }

    void register(RoutesConfig routes) {
        routes.get("/key", ctx -> show(ctx, null, null, HttpStatus.OK));
        routes.get("/key/kiosk-public.pem", ctx -> pem(ctx, kiosk.key().publicKeyPem(), "kiosk-public.pem"));
        routes.get("/key/kiosk-certificate.pem", ctx -> pem(ctx, kiosk.key().certificatePem(),
                "kiosk-certificate.pem"));
        routes.post("/admin/key/rotate", this::rotate);
    }

    private void rotate(Context ctx) {
        String admin = pages.requireAdmin(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            show(ctx, null, "tick the box to confirm: every lab must be given the new key before it accepts new"
                    + " bundles", HttpStatus.BAD_REQUEST);
            return;
        }
        show(ctx, kiosk.rotateKey(admin), null, HttpStatus.OK);
    }

    private static void pem(Context ctx, String pem, String name) {
        ctx.contentType("application/x-pem-file");
        ctx.header("Content-Disposition", BundleLabs.attachment(name));
        ctx.result(pem);
    }

    private void show(Context ctx, KeyRotator.Rotation rotated, String problem, HttpStatus status) {
        KioskKey key = kiosk.key();
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("history", kiosk.keyRotator().history());
        params.put("rotated", rotated);
        params.put("problem", problem);
        ctx.status(status);
        pages.render(ctx, "key.jte", "key", "Kiosk key", params);
    }
}
