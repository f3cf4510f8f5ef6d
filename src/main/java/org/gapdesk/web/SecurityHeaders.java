package org.gapdesk.web;

import io.javalin.http.Context;

/**
 * The response headers every answer carries: a strict content security policy and no framing or sniffing (the
 * worksheet PDF alone may be framed by the kiosk's own batch page, {@link #allowFramingBySelf}). The
 * referrer policy is {@code same-origin}: no address of the kiosk leaves it, while the kiosk's own forms keep a
 * real {@code Origin} header ({@code no-referrer} would make browsers send {@code Origin: null}), which
 * {@link AccessGate} checks.
 */
final class SecurityHeaders {
    /** Scripts, styles and images from the kiosk only; no inline script or style; no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /** {@link #CSP} except that the kiosk's own pages may frame the answer. */
    static final String CSP_FRAMED_BY_SELF = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * Lets the kiosk's own pages frame this answer (the worksheet PDF shown inside its batch page); every other
     * header stays. No other origin may frame it.
     */
    static void allowFramingBySelf(Context ctx) {
        ctx.header("Content-Security-Policy", CSP_FRAMED_BY_SELF);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
}
