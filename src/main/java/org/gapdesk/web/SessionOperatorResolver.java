package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Session;
import org.gapdesk.operator.SessionRegistry;

/**
 * The operator signed in on this browser: a session token in the cookie {@value #COOKIE}, looked up in the
 * {@link SessionRegistry}. The cookie is {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no
 * other site's page sends it), {@code Path=/} and lives until the browser closes. It is not {@code Secure}:
 * the kiosk serves plain HTTP on the loopback interface of the machine whose browser uses it, so the cookie
 * never crosses a network, and a {@code Secure} cookie would not be sent back at all.
 *
 * <p>Each request resolves its session once: the operator is read again from the record, so a disabled
 * operator is signed out at once and a changed role applies to the next request.
 */
public final class SessionOperatorResolver implements OperatorResolver {
    /** Name of the session cookie. */
    public static final String COOKIE = "gapdesk_session";
    private static final String ATTRIBUTE = "gapdesk.session";
    private static final String ENDED = "gapdesk.session.ended";
    private static final int MAX_TOKEN = 100;

    private final SessionRegistry sessions;
    private final OperatorService operators;

    public SessionOperatorResolver(SessionRegistry sessions, OperatorService operators) {
        this.sessions = sessions;
        this.operators = operators;
    }

    /** The registry the sessions live in. */
    public SessionRegistry sessions() {
        return sessions;
    }

    @Override
    public Session session(Context ctx) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof Session s) {
            return s;
        }
        return cached != null ? null : resolve(ctx, true);
    }

    /**
     * Looks the session of this request up and remembers the answer for the rest of the request.
     *
     * @param renew true to count this request as activity (every request but a "still there?" status check)
     * @return the session with the operator as the record has it now, or null
     */
    Session resolve(Context ctx, boolean renew) {
        String token = token(ctx);
        Optional<Session> found = renew ? sessions.touch(token) : sessions.peek(token);
        Session live = null;
        if (found.isPresent()) {
            Session s = found.get();
            Operator now = operators.find(s.operator().name()).orElse(null);
            if (now == null || !now.active()) {
                sessions.end(s.token());
            } else {
                live = new Session(s.token(), s.csrfToken(), now, s.lastSeen());
            }
        }
        if (live == null) {
            ctx.attribute(ATTRIBUTE, Boolean.FALSE);
            ctx.attribute(ENDED, token != null);
        } else {
            ctx.attribute(ATTRIBUTE, live);
        }
        return live;
    }

    /** True when this request carried a session cookie that no longer names a live session. */
    boolean sessionEnded(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ENDED));
    }

    /** Starts a session for {@code operator}, ending any this browser had, and sets the cookie. */
    Session signIn(Context ctx, Operator operator) {
        sessions.end(token(ctx));
        Session s = sessions.start(operator);
        ctx.cookie(new Cookie(COOKIE, s.token(), "/", -1, false, true, null, SameSite.STRICT));
        ctx.attribute(ATTRIBUTE, s);
        ctx.attribute(ENDED, false);
        return s;
    }

    /** Ends this browser's session and clears the cookie. */
    void signOut(Context ctx) {
        sessions.end(token(ctx));
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        ctx.attribute(ATTRIBUTE, Boolean.FALSE);
        ctx.attribute(ENDED, false);
    }

    private static String token(Context ctx) {
        String t = ctx.cookie(COOKIE);
        return t == null || t.isEmpty() || t.length() > MAX_TOKEN ? null : t;
    }
}
