package org.gapdesk.bundle;

import java.util.List;

/** Names and constants of bundle format version 1, described in {@code docs/bundle-format.md}. */
public final class BundleFormat {
    /** {@code format} of manifest.json. */
    public static final String FORMAT = "gapdesk-bundle";
    /** {@code format} of confirmations.json. */
    public static final String CONFIRMATIONS_FORMAT = "gapdesk-confirmations";
    /** The one version this kiosk writes and reads. */
    public static final int VERSION = 1;

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String README = "README.txt";
    public static final String CONFIRMATIONS_JSON = "confirmations.json";
    public static final String CONFIRMATIONS_CSV = "confirmations.csv";
    /** The files a version 1 manifest lists, in manifest order (sorted by name, ordinal). */
    public static final List<String> DATA_FILES = List.of(README, CONFIRMATIONS_CSV, CONFIRMATIONS_JSON);

    /** Every file of a version 1 bundle. */
    public static final List<String> ALL_FILES = List.of(MANIFEST, SIGNATURE, README, CONFIRMATIONS_CSV,
            CONFIRMATIONS_JSON);

    private BundleFormat() {
    }

    /**
     * The bundle's folder name, {@code gapdesk-bundle-<LAB>-<SEQ>}; characters of the lab code other than
     * letters, digits, dot, hyphen and underscore become {@code _}.
     */
    public static String folderName(String lab, long sequence) {
        return "gapdesk-bundle-" + lab.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + sequence;
    }

    /** The zip's file name: {@link #folderName} plus {@code .zip}. */
    public static String zipName(String lab, long sequence) {
        return folderName(lab, sequence) + ".zip";
    }
}
