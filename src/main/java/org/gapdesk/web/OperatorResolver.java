package org.gapdesk.web;

import io.javalin.http.Context;

/**
 * Says who is acting at the kiosk. Every state-changing request records this name. The shipped resolver
 * keeps a name chosen at the kiosk in a cookie ({@link CookieOperatorResolver}); real sign-in replaces it
 * by implementing this interface.
 */
public interface OperatorResolver {
    /** The operator acting in this request, or null when none is chosen. */
    String current(Context ctx);

    /**
     * Makes {@code name} the operator for the following requests from this browser.
     *
     * @throws IllegalArgumentException when the name is not acceptable; the message says why
     */
    void choose(Context ctx, String name);
}
