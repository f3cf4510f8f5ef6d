package org.gapdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.Session;
import org.gapdesk.operator.SignInResult;

/**
 * Signing in and out, the first start's set-up of an admin, and the session checks of the "still there?"
 * prompt: {@code GET /session/status} (does not count as activity) and {@code POST /session/ping} (does).
 */
final class SignInPages {
    static final String SIGN_IN = "/signin";
    static final String SET_UP = "/setup";
    static final String SIGN_OUT = "/signout";
    static final String STATUS = "/session/status";
    static final String PING = "/session/ping";

    private final Pages pages;
    private final SessionOperatorResolver resolver;
    private final OperatorService operators;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Object setUpLock = new Object();

    SignInPages(Pages pages, SessionOperatorResolver resolver, OperatorService operators, SignInThrottle throttle,
            Clock clock) {
        this.pages = pages;
        this.resolver = resolver;
        this.operators = operators;
        this.throttle = throttle;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(SIGN_IN, this::signInForm);
        routes.post(SIGN_IN, this::signIn);
        routes.get(SET_UP, this::setUpForm);
        routes.post(SET_UP, this::setUp);
        routes.post(SIGN_OUT, this::signOut);
        routes.get(STATUS, this::status);
        routes.post(PING, this::status);
    }

    private void signInForm(Context ctx) {
        if (operators.none()) {
            ctx.redirect(SET_UP, HttpStatus.SEE_OTHER);
            return;
        }
        String notice = "1".equals(ctx.queryParam("ended"))
                ? "You were signed out: nothing happened for " + minutes() + ", or the kiosk restarted."
                : null;
        showSignIn(ctx, Pages.localPath(ctx.queryParam("next")), "", null, notice);
    }

    private void signIn(Context ctx) {
        String next = Pages.localPath(ctx.formParam("next"));
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String waitFor = throttle.refusal();
        if (waitFor != null) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            showSignIn(ctx, next, name, waitFor, null);
            return;
        }
        char[] secret = secret(ctx, "secret");
        SignInResult r;
        try {
            r = operators.signIn(name, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (!r.ok()) {
            throttle.failed();
            ctx.status(r.lockedUntil() != null ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED);
            showSignIn(ctx, next, name, capitalized(r.message()) + ".", null);
            return;
        }
        resolver.signIn(ctx, r.operator());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void showSignIn(Context ctx, String next, String name, String problem, String notice) {
        Map<String, Object> params = new HashMap<>();
        params.put("next", next);
        params.put("name", name);
        params.put("problem", problem);
        params.put("notice", notice);
        params.put("token", SignInToken.issue(ctx));
        pages.render(ctx, "signin.jte", "", "Sign in", params);
    }

    private void setUpForm(Context ctx) {
        if (!operators.none()) {
            ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
            return;
        }
        showSetUp(ctx, "", null);
    }

    private void setUp(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        char[] secret = secret(ctx, "secret");
        char[] again = secret(ctx, "again");
        try {
            Operator admin;
            synchronized (setUpLock) {
                if (!operators.none()) {
                    ctx.status(HttpStatus.CONFLICT);
                    showSetUp(ctx, name, "An admin has already been set up: sign in instead.");
                    return;
                }
                if (!Arrays.equals(secret, again)) {
                    ctx.status(HttpStatus.BAD_REQUEST);
                    showSetUp(ctx, name, "The two passwords or PINs differ: type the same one twice.");
                    return;
                }
                try {
                    admin = operators.add(name, Role.ADMIN, secret, name);
                } catch (IllegalArgumentException e) {
                    ctx.status(HttpStatus.BAD_REQUEST);
                    showSetUp(ctx, name, capitalized(e.getMessage()) + ".");
                    return;
                }
            }
            resolver.signIn(ctx, admin);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void showSetUp(Context ctx, String name, String problem) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("problem", problem);
        params.put("token", SignInToken.issue(ctx));
        params.put("minSecret", OperatorService.MIN_SECRET);
        pages.render(ctx, "setup.jte", "", "Set up the first admin", params);
    }

    private void signOut(Context ctx) {
        resolver.signOut(ctx);
        ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
    }

    /** Whether this browser is signed in and how many seconds it has left; answers JSON. */
    private void status(Context ctx) {
        Session s = resolver.session(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedIn", s != null);
        if (s != null) {
            Duration left = resolver.sessions().idleTimeout().minus(Duration.between(s.lastSeen(), clock.instant()));
            body.put("operator", s.operator().name());
            body.put("remainingSeconds", Math.max(0, left.toSeconds()));
        }
        ctx.json(body);
    }

    private String minutes() {
        long m = resolver.sessions().idleTimeout().toMinutes();
        return m == 1 ? "1 minute" : m + " minutes";
    }

    private static char[] secret(Context ctx, String field) {
        String s = ctx.formParam(field);
        return s == null ? new char[0] : s.toCharArray();
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
