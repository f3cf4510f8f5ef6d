package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of the sign-in and set-up forms, which come before any session: a random value kept in the
 * {@code HttpOnly}, {@code SameSite=Strict} cookie {@value #COOKIE} and repeated in the form. Another site's
 * page can neither read the cookie nor make the browser send it, so it cannot sign the kiosk in as someone
 * else.
 */
final class SignInToken {
    /** Name of the cookie. */
    static final String COOKIE = "gapdesk_signin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInToken() {
    }

    /** The token for this browser's form: the cookie's when it holds one, else a new one set in the cookie. */
    static String issue(Context ctx) {
        String t = ctx.cookie(COOKIE);
        if (t != null && t.matches("[A-Za-z0-9_-]{43}")) {
            return t;
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, false, true, null, SameSite.STRICT));
        return token;
    }

    /** True when {@code presented} is the token in this browser's cookie (constant-time comparison). */
    static boolean matches(Context ctx, String presented) {
        return AccessGate.tokensMatch(ctx.cookie(COOKIE), presented);
    }
}
