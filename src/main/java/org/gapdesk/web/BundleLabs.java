package org.gapdesk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.RequestState;
import org.gapdesk.config.Lab;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.requests.RequestService;
import org.gapdesk.store.StateCount;

/** The labs a bundle can be made for, and checks on the lab and batch an export names. */
final class BundleLabs {
    private BundleLabs() {
    }

    /** The site's labs and any other lab with requests, with how many confirmed requests wait for a bundle
     * (every confirmed request is waiting: an export moves it on). */
    static List<LabWaiting> waiting(SiteSettings site, RequestService requests) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Lab lab : site.labs()) {
            names.put(lab.code(), lab.name());
        }
        List<StateCount> counts = requests.counts();
        for (StateCount c : counts) {
            if (c.lab() != null) {
                names.putIfAbsent(c.lab(), c.lab());
            }
        }
        Map<String, Long> confirmed = new LinkedHashMap<>();
        for (StateCount c : counts) {
            if (c.state() == RequestState.CONFIRMED) {
                confirmed.merge(c.lab(), c.count(), Long::sum);
            }
        }
        List<LabWaiting> out = new ArrayList<>();
        names.forEach((code, name) -> out.add(new LabWaiting(code, name, confirmed.getOrDefault(code, 0L))));
        return out;
    }

    /**
     * The lab an export names: one of the site's labs (any case) when the site lists labs.
     *
     * @throws IllegalArgumentException when it is blank or unknown
     */
    static String lab(SiteSettings site, String lab) {
        if (lab == null || lab.isBlank()) {
            throw new IllegalArgumentException("choose a lab");
        }
        return LabChoice.defaults(site, lab).lab();
    }

    /** The optional batch number of an export, or null. @throws IllegalArgumentException unless a number */
    static Long batch(String text) {
        return text == null || text.isBlank() ? null : BatchPages.id(text.strip());
    }

    /**
     * The bundle id of a download path part such as {@code 12.zip}.
     *
     * @throws IllegalArgumentException unless it is a positive number followed by {@code .zip}
     */
    static long zipId(String part) {
        if (part == null || !part.endsWith(".zip")) {
            throw new IllegalArgumentException("ask for a bundle as <id>.zip");
        }
        return id(part.substring(0, part.length() - 4));
    }

    /** A bundle id. @throws IllegalArgumentException unless it is a positive number */
    static long id(String text) {
        if (text != null && text.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(text);
        }
        String shown = text == null ? "" : text.length() > 30 ? text.substring(0, 30) + "..." : text;
        throw new IllegalArgumentException("'" + shown + "' is not a bundle number");
    }

    /** A file name safe in a {@code Content-Disposition} header. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }
}
