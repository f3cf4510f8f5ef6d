package org.gapdesk.config;

import java.util.List;

/**
 * The site's settings, read from {@code site.json}.
 *
 * @param siteName shown on every page and worksheet
 * @param kioskId identifies this kiosk in bundles and worksheets
 * @param bindHost address the web server binds to; {@code 127.0.0.1} unless the site says otherwise
 * @param port web server port
 * @param labs the labs served
 * @param usbRoots folders where USB drives are mounted, listed on the import page
 * @param paperSize {@code A4} or {@code LETTER}
 * @param idleTimeoutMinutes minutes without activity after which a signed-in operator is signed out
 *     ({@value #DEFAULT_IDLE_TIMEOUT_MINUTES} when absent; at most {@value #MAX_IDLE_TIMEOUT_MINUTES})
 */
public record SiteSettings(String siteName, String kioskId, String bindHost, int port, List<Lab> labs,
        List<String> usbRoots, String paperSize, int idleTimeoutMinutes) {
    /** Idle timeout when {@code site.json} names none. */
    public static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 5;
    /** Longest idle timeout accepted: a shared terminal must not stay signed in for long. */
    public static final int MAX_IDLE_TIMEOUT_MINUTES = 240;

    public SiteSettings {
        siteName = siteName == null || siteName.isBlank() ? "Gapdesk" : siteName;
        kioskId = kioskId == null || kioskId.isBlank() ? "kiosk-1" : kioskId;
        bindHost = bindHost == null || bindHost.isBlank() ? "127.0.0.1" : bindHost;
        port = port <= 0 ? 7878 : port;
        labs = labs == null ? List.of() : List.copyOf(labs);
        usbRoots = usbRoots == null ? List.of() : List.copyOf(usbRoots);
        paperSize = paperSize == null || paperSize.isBlank() ? "A4" : paperSize;
        idleTimeoutMinutes = idleTimeoutMinutes <= 0 ? DEFAULT_IDLE_TIMEOUT_MINUTES
                : Math.min(idleTimeoutMinutes, MAX_IDLE_TIMEOUT_MINUTES);
    }

    /** Settings with the default idle timeout. */
    public SiteSettings(String siteName, String kioskId, String bindHost, int port, List<Lab> labs,
            List<String> usbRoots, String paperSize) {
        this(siteName, kioskId, bindHost, port, labs, usbRoots, paperSize, 0);
    }

    /** The lab with this code, or null. */
    public Lab lab(String code) {
        return labs.stream().filter(l -> l.code().equalsIgnoreCase(code)).findFirst().orElse(null);
    }
}
