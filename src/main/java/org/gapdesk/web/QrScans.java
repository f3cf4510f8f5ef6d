package org.gapdesk.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The QR scan of each signed-in session, in memory. A scan ends with its session: every access drops the
 * scans whose session is no longer live (signed out, idle too long, operator disabled). At most
 * {@link #MAX_SCANS} scans are kept; beyond that the least recently used goes.
 */
final class QrScans {
    /** Most scans kept at once. */
    static final int MAX_SCANS = 64;

    private final Predicate<String> sessionLive;
    private final Supplier<QrScan> factory;
    private final Map<String, QrScan> scans = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param sessionLive true for a session token whose session is still live (not renewing it)
     * @param factory makes an empty scan
     */
    QrScans(Predicate<String> sessionLive, Supplier<QrScan> factory) {
        this.sessionLive = sessionLive;
        this.factory = factory;
    }

    /** The scan of the session {@code token}, made when it has none. */
    synchronized QrScan of(String token) {
        scans.keySet().removeIf(t -> !t.equals(token) && !sessionLive.test(t));
        QrScan scan = scans.computeIfAbsent(token, t -> factory.get());
        Iterator<String> oldest = scans.keySet().iterator();
        while (scans.size() > MAX_SCANS && oldest.hasNext()) {
            if (!oldest.next().equals(token)) {
                oldest.remove();
            }
        }
        return scan;
    }

    /** Scans held now (for tests). */
    synchronized int size() {
        return scans.size();
    }
}
