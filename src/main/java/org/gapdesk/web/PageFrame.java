package org.gapdesk.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every page shows around its content: the site, the navigation and the operator.
 *
 * @param siteName the site's name
 * @param operator the current operator, or null
 * @param section the navigation entry to mark current: {@code overview}, {@code import}, {@code requests}
 *     or empty
 * @param title the page title
 * @param here this page's path and query, where the operator chooser returns to
 */
public record PageFrame(String siteName, String operator, String section, String title, String here) {
    /** Link to the operator chooser that comes back to this page. */
    public String operatorLink() {
        return "/operator?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** {@code page} when {@code name} is the current section (for {@code aria-current}), else null. */
    public String current(String name) {
        return name.equals(section) ? "page" : null;
    }
}
