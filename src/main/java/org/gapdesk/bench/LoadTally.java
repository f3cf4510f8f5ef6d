package org.gapdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the operators of one load run report as they go (safe for all of them at once). */
final class LoadTally {
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final List<Double> cidMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger imports = new AtomicInteger();
    private final AtomicInteger bundles = new AtomicInteger();

    void error(String message) {
        errors.add(message);
    }

    void imported() {
        imports.incrementAndGet();
    }

    void exported() {
        bundles.incrementAndGet();
    }

    void cidAnswered(double millis) {
        cidMillis.add(millis);
    }

    /** Records {@code cid} as acknowledged for request {@code id}; false when that request already had one. */
    boolean acknowledge(long id, String cid) {
        return acknowledged.putIfAbsent(id, cid) == null;
    }

    /** Request id to the CID acknowledged as stored for it. */
    Map<Long, String> acknowledged() {
        return acknowledged;
    }

    List<Double> cidMillis() {
        return cidMillis;
    }

    List<String> errors() {
        return errors;
    }

    int imports() {
        return imports.get();
    }

    int bundles() {
        return bundles.get();
    }
}
