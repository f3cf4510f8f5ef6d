package org.gapdesk.intake;

/**
 * Bounds on what one import may bring in. A file over a bound is rejected whole.
 *
 * @param maxFileBytes largest accepted file
 * @param maxEntriesPerFile most IIDs one file may carry
 * @param maxFilesPerImport most files in one import
 * @param maxLineChars longest line in a text file
 */
public record IntakeLimits(long maxFileBytes, int maxEntriesPerFile, int maxFilesPerImport, int maxLineChars) {
    /** 16 MiB per file, 50,000 entries, 100 files, 64 Ki characters per line. */
    public static final IntakeLimits DEFAULT = new IntakeLimits(16L << 20, 50_000, 100, 65_536);
}
