package org.gapdesk.web;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Accepts a request only when its {@code Host} header names this kiosk: {@code localhost}, an IP address, or the
 * configured bind host, with the port the request arrived on. A page on some other site whose name was made to
 * resolve to the kiosk (DNS rebinding) sends that site's name and is refused, so it can read nothing.
 */
final class HostCheck {
    private final String bindHost;

    HostCheck(String bindHost) {
        this.bindHost = bindHost == null ? "" : bindHost.toLowerCase(Locale.ROOT);
    }

    /** @throws HostRefusedException when the {@code Host} header does not name this kiosk */
    void check(Context ctx) {
        if (!accepts(ctx.header("Host"), ctx.req().getLocalPort())) {
            throw new HostRefusedException();
        }
    }

    /** True when {@code host} (a {@code Host} header) names this kiosk listening on {@code port}. */
    boolean accepts(String host, int port) {
        if (host == null || host.isEmpty() || host.length() > 300) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String name;
        String portText;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = h.substring(0, end + 1);
            portText = h.substring(end + 1);
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            portText = colon < 0 ? "" : h.substring(colon);
        }
        boolean portOk = portText.isEmpty() ? port == 80 : portText.equals(":" + port);
        return portOk && (name.equals("localhost") || name.equals(bindHost) || ipv4(name) || ipv6(name));
    }

    private static boolean ipv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean ipv6(String name) {
        return name.length() > 2 && name.startsWith("[") && name.endsWith("]")
                && name.substring(1, name.length() - 1).chars().allMatch(c -> c == ':' || c == '.'
                        || Character.digit(c, 16) >= 0);
    }

    /** The {@code Host} header does not name this kiosk. */
    static final class HostRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostRefusedException() {
            super("this kiosk answers only to its own address (localhost, an IP address or the configured bind host)",
                    null, false, false);
        }
    }
}
