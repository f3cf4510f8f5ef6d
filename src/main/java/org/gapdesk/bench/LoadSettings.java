package org.gapdesk.bench;

/**
 * What one run of the load benchmark ({@link LoadBench}) does.
 *
 * @param operators operators signed in at once (and threads)
 * @param filesPerOperator request files each operator imports
 * @param machinesPerFile machines (one Windows MAK product each) per file: one CID to key per machine
 * @param exporters how many operators also export a bundle halfway through their CIDs
 * @param cidIntervalMillis 0: each operator sends its next CID as soon as the last is answered (flat out);
 *     otherwise each operator's CIDs are due every this many milliseconds (operators staggered evenly), and
 *     a CID's time runs from when it was due, so a slow answer also counts against the ones queued behind it
 * @param lab the lab the files carry (a new lab gives a fresh run in the same database)
 * @param seed seed of the synthetic IIDs and CIDs
 */
public record LoadSettings(int operators, int filesPerOperator, int machinesPerFile, int exporters,
        long cidIntervalMillis, String lab, long seed) {
    public LoadSettings {
        if (operators < 1 || filesPerOperator < 1 || machinesPerFile < 1 || exporters < 0
                || exporters > operators || cidIntervalMillis < 0) {
            throw new IllegalArgumentException("need at least 1 operator, file and machine, at most one"
                    + " export per operator and an interval of 0 or more");
        }
    }

    /** Settings whose operators key flat out (no interval). */
    public LoadSettings(int operators, int filesPerOperator, int machinesPerFile, int exporters, String lab,
            long seed) {
        this(operators, filesPerOperator, machinesPerFile, exporters, 0, lab, seed);
    }

    /**
     * The design's case: 50 operators, 2 files of 10 machines each (1,000 CIDs), 5 exports, each operator
     * keying a CID every 500 ms (100 CIDs a second in all; a CID read over the phone takes a person a
     * minute or more).
     */
    public static LoadSettings standard() {
        return new LoadSettings(50, 2, 10, 5, 500, LoadBench.LAB, 50L);
    }

    /** The same settings with another pace. */
    public LoadSettings paced(long intervalMillis) {
        return new LoadSettings(operators, filesPerOperator, machinesPerFile, exporters, intervalMillis, lab, seed);
    }

    /** The same settings for another lab (and seed), e.g. a warm-up run. */
    public LoadSettings forLab(String otherLab, long otherSeed) {
        return new LoadSettings(operators, filesPerOperator, machinesPerFile, exporters, cidIntervalMillis,
                otherLab, otherSeed);
    }

    int files() {
        return operators * filesPerOperator;
    }

    int requests() {
        return files() * machinesPerFile;
    }
}
