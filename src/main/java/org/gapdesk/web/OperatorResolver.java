package org.gapdesk.web;

import io.javalin.http.Context;
import org.gapdesk.operator.Session;

/**
 * Says who is acting at the kiosk. Every state-changing request records this operator. The kiosk's resolver
 * is {@link SessionOperatorResolver}: an operator signed in with a name and secret.
 */
public interface OperatorResolver {
    /** The signed-in session of this request, or null when nobody is signed in. */
    Session session(Context ctx);

    /** The name of the operator acting in this request, or null when nobody is signed in. */
    default String current(Context ctx) {
        Session s = session(ctx);
        return s == null ? null : s.operator().name();
    }
}
