package org.gapdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The operator as a name typed at the kiosk, kept in an {@code HttpOnly}, {@code SameSite=Strict} session
 * cookie. A cookie that does not hold an acceptable name counts as no operator.
 */
public final class CookieOperatorResolver implements OperatorResolver {
    /** Name of the cookie. */
    public static final String COOKIE = "gapdesk_operator";
    /** Longest operator name. */
    public static final int MAX_LENGTH = 60;

    @Override
    public String current(Context ctx) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isEmpty() || raw.length() > 4 * MAX_LENGTH * 3) {
            return null;
        }
        try {
            return normalize(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void choose(Context ctx, String name) {
        String n = normalize(name);
        ctx.cookie(new Cookie(COOKIE, URLEncoder.encode(n, StandardCharsets.UTF_8), "/", -1, false, true, null,
                SameSite.STRICT));
    }

    /**
     * The name with surrounding space removed and inner runs of space collapsed.
     *
     * @throws IllegalArgumentException unless it is 1 to {@value #MAX_LENGTH} letters, digits, spaces and
     *     {@code . - _ '}
     */
    public static String normalize(String name) {
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.isEmpty()) {
            throw new IllegalArgumentException("operator name is empty; type your name");
        }
        if (n.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("operator name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (!Character.isLetterOrDigit(ch) && " .-_'".indexOf(ch) < 0) {
                throw new IllegalArgumentException("operator name may hold letters, digits, spaces and . - _ ' only");
            }
        }
        return n;
    }
}
