package org.gapdesk.bench;

import java.util.List;

/**
 * What one run of the load benchmark ({@link LoadBench}) did and found.
 *
 * @param settings what was run
 * @param imports files acknowledged as imported
 * @param cidsAcknowledged CIDs acknowledged as stored ({@code 200} and {@code STORED})
 * @param bundles bundles exported
 * @param cidEntry latency of CID entry
 * @param errors every request that failed or answered something unexpected (empty: none)
 * @param integrity every lost, doubled or inconsistent write found in the record afterwards (empty: none)
 * @param seconds wall-clock time of the run, sign-in excluded
 * @param keyingSeconds wall-clock time from the end of intake to the last CID answered
 */
public record LoadResult(LoadSettings settings, int imports, int cidsAcknowledged, int bundles, Latency cidEntry,
        List<String> errors, List<String> integrity, double seconds, double keyingSeconds) {
    public LoadResult {
        errors = List.copyOf(errors);
        integrity = List.copyOf(integrity);
    }

    /** CIDs acknowledged per second of keying. */
    public double cidsPerSecond() {
        return keyingSeconds > 0 ? cidsAcknowledged / keyingSeconds : 0;
    }

    /** True when the design's bar holds: p99 under 20 ms, no error, no lost or doubled write. */
    public boolean barMet() {
        return cidEntry.p99() < 20 && errors.isEmpty() && integrity.isEmpty();
    }
}
