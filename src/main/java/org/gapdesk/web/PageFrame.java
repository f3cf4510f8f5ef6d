package org.gapdesk.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every page shows around its content: the site, the navigation, the signed-in operator and what the
 * page's forms and scripts need to make changes (the CSRF token) and to warn before the idle timeout.
 *
 * @param siteName the site's name
 * @param operator the signed-in operator's name, or null
 * @param section the navigation entry to mark current: {@code overview}, {@code import}, {@code requests}
 *     or empty
 * @param title the page title
 * @param here this page's path and query, where sign-in returns to
 * @param csrf the session's CSRF token, or empty when signed out; every form that changes state sends it as
 *     the hidden field {@code _csrf}, every script as the header {@code X-CSRF-Token}
 * @param admin true when the signed-in operator is an admin
 * @param idleTimeoutSeconds seconds without activity before the session ends (for the "still there?" prompt)
 */
public record PageFrame(String siteName, String operator, String section, String title, String here, String csrf,
        boolean admin, long idleTimeoutSeconds) {
    public PageFrame {
        csrf = csrf == null ? "" : csrf;
    }

    /** True when an operator is signed in. */
    public boolean signedIn() {
        return operator != null;
    }

    /** Link to the sign-in page that comes back to this page. */
    public String signInLink() {
        return "/signin?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** {@code page} when {@code name} is the current section (for {@code aria-current}), else null. */
    public String current(String name) {
        return name.equals(section) ? "page" : null;
    }
}
