package org.gapdesk.web;

import io.javalin.http.Context;

/**
 * The response headers every answer carries: a strict content security policy and no framing or sniffing. The
 * referrer policy is {@code same-origin}: no address of the kiosk leaves it, while the kiosk's own forms keep a
 * real {@code Origin} header ({@code no-referrer} would make browsers send {@code Origin: null}), which
 * {@link AccessGate} checks.
 */
final class SecurityHeaders {
    /** Scripts, styles and images from the kiosk only; no inline script or style; no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }
}
