package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.Session;
import org.gapdesk.operator.SessionRegistry;

/**
 * The one check every request passes before its route runs, so that no route can forget it:
 * <ol>
 * <li>the {@code Host} header names this kiosk ({@link HostCheck}), against DNS rebinding;</li>
 * <li>before the first admin exists, every page leads to the set-up screen;</li>
 * <li>pages and the API need a signed-in operator, except {@code /static}, sign-in and set-up;</li>
 * <li>a state-changing request (any method but GET, HEAD, OPTIONS) needs a signed-in operator and the
 *     session's CSRF token in the form field {@value #CSRF_FIELD} or the header {@value #CSRF_HEADER}
 *     (compared in constant time), and, when it names one, an {@code Origin} or {@code Referer} on this kiosk.
 *     Sign-in and set-up, which come before any session, carry a token bound to a cookie instead
 *     ({@link SignInToken});</li>
 * <li>{@code /admin/...} and {@code /api/admin/...} need an admin.</li>
 * </ol>
 * Refusals: 401 without an operator (a page asked for by GET is sent to sign in instead), 403 for a missing
 * or wrong token, a foreign origin or a role that does not allow it. Pages get a page, the API JSON.
 */
final class AccessGate {
    /** Form field that carries the CSRF token. */
    static final String CSRF_FIELD = "_csrf";
    /** Header that carries the CSRF token (scripts). */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Why a non-admin is refused. */
    static final String ADMIN_ONLY = "only an admin may do this; ask an admin";
    static final String BAD_TOKEN = "this form has expired or did not come from this kiosk (CSRF token missing or"
            + " wrong): go back, reload the page and try again";

    private final SessionOperatorResolver resolver;
    private final OperatorService operators;
    private final HostCheck hosts;
    private final AtomicBoolean setUp = new AtomicBoolean();

    AccessGate(SessionOperatorResolver resolver, OperatorService operators, HostCheck hosts) {
        this.resolver = resolver;
        this.operators = operators;
        this.hosts = hosts;
    }

    /** True once an operator exists (never false again: operators are disabled, never deleted). */
    boolean setUp() {
        if (!setUp.get() && !operators.none()) {
            setUp.set(true);
        }
        return setUp.get();
    }

    /** Runs the checks; throws to refuse. */
    void check(Context ctx) {
        hosts.check(ctx);
        String path = ctx.path();
        if (path.startsWith("/static/")) {
            return;
        }
        boolean change = changesState(ctx.method());
        if (change) {
            checkOrigin(ctx);
        }
        if (path.equals(SignInPages.SET_UP) || path.equals(SignInPages.SIGN_IN)) {
            if (change && !SignInToken.matches(ctx, presentedToken(ctx))) {
                throw new ForbiddenResponse(BAD_TOKEN);
            }
            return;
        }
        if (!setUp()) {
            if (!change && !WebErrors.isApi(ctx)) {
                throw new SeeOther(SignInPages.SET_UP);
            }
            throw new OperatorRequiredException("/", "no operator exists yet: set up the first admin at "
                    + SignInPages.SET_UP, false);
        }
        boolean statusCheck = path.equals(SignInPages.STATUS);
        Session s = resolver.resolve(ctx, !statusCheck);
        if (statusCheck) {
            return;
        }
        if (s == null) {
            boolean ended = resolver.sessionEnded(ctx);
            throw new OperatorRequiredException(change ? "/" : Pages.here(ctx), ended
                    ? "you were signed out (idle too long, or the kiosk restarted): sign in again"
                    : "sign in first: every change records who made it", ended);
        }
        if (change && !SessionRegistry.csrfMatches(s, presentedToken(ctx))) {
            throw new ForbiddenResponse(BAD_TOKEN);
        }
        if (adminOnly(path) && !s.operator().role().allows(Role.ADMIN)) {
            throw new ForbiddenResponse(ADMIN_ONLY);
        }
    }

    /** True for methods that may change state. */
    static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** True for paths only an admin may use. */
    static boolean adminOnly(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/api/admin")
                || path.startsWith("/api/admin/");
    }

    /** The token the request presents: the header, else the form field (urlencoded or multipart). */
    private static String presentedToken(Context ctx) {
        String h = ctx.header(CSRF_HEADER);
        if (h != null) {
            return h;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return ctx.formParam(CSRF_FIELD);
        }
        return null;
    }

    /** Refuses a change sent from a page that is not on this kiosk, when the browser says where it came from. */
    private static void checkOrigin(Context ctx) {
        String self = "http://" + ctx.header("Host");
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!origin.equalsIgnoreCase(self)) {
                throw new ForbiddenResponse("refused: this request came from a page that is not on this kiosk ("
                        + "Origin " + clip(origin) + ")");
            }
            return;
        }
        String referer = ctx.header("Referer");
        if (referer != null && !sameOrigin(referer, self)) {
            throw new ForbiddenResponse("refused: this request came from a page that is not on this kiosk");
        }
    }

    private static boolean sameOrigin(String referer, String self) {
        try {
            URI u = new URI(referer);
            String o = u.getScheme() + "://" + u.getRawAuthority();
            return u.getRawAuthority() != null && u.getRawUserInfo() == null && o.equalsIgnoreCase(self);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** The sign-in page that returns to {@code next}. */
    static String signInLink(String next, boolean ended) {
        return SignInPages.SIGN_IN + "?next=" + URLEncoder.encode(Pages.localPath(next), StandardCharsets.UTF_8)
                + (ended ? "&ended=1" : "");
    }

    /** Compares two tokens in constant time; false when either is missing. */
    static boolean tokensMatch(String expected, String presented) {
        return expected != null && presented != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
