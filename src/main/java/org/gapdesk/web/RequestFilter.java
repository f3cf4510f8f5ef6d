package org.gapdesk.web;

import io.javalin.http.Context;
import org.gapdesk.activation.RequestState;

/**
 * The request list's filter from the query string: {@code lab}, {@code state} (name or label, any case) and
 * {@code q} (host name text or IID digits). Blank means any.
 *
 * @param lab lab code, or null
 * @param state state, or null
 * @param search search text, or null
 */
public record RequestFilter(String lab, RequestState state, String search) {
    /** @throws IllegalArgumentException for an unknown state or an over-long search */
    static RequestFilter of(Context ctx) {
        String lab = blankToNull(ctx.queryParam("lab"));
        String state = blankToNull(ctx.queryParam("state"));
        String q = blankToNull(ctx.queryParam("q"));
        if (q != null && q.length() > 200) {
            throw new IllegalArgumentException("search text is longer than 200 characters");
        }
        if (lab != null && lab.length() > 64) {
            throw new IllegalArgumentException("lab code is longer than 64 characters");
        }
        return new RequestFilter(lab, state == null ? null : RequestState.parse(state), q);
    }

    /** A request id from a path. @throws IllegalArgumentException when it is not a positive number */
    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("'" + (text.length() > 30 ? text.substring(0, 30) + "..." : text)
                + "' is not a request number");
    }

    /** The state's query value ({@code on_worksheet}), or empty. */
    public String stateValue() {
        return state == null ? "" : state.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
