package org.gapdesk.bundle;

/**
 * Size limits a verifier applies before reading anything: a bundle over a limit is refused with
 * {@link VerificationReason#TOO_LARGE} without reading further.
 *
 * @param maxFiles most files (zip entries, folder entries) in a bundle
 * @param maxManifestBytes largest {@code manifest.json}
 * @param maxSignatureBytes largest {@code manifest.sig}
 * @param maxReadmeBytes largest {@code README.txt}
 * @param maxDataFileBytes largest {@code confirmations.json} or {@code confirmations.csv}
 * @param maxOtherFileBytes most bytes read of a file the manifest cannot list (it is refused anyway)
 * @param maxTotalBytes most bytes of all files together (inflated, for a zip)
 * @param maxEntries most entries in {@code confirmations.json}
 */
public record BundleLimits(int maxFiles, int maxManifestBytes, int maxSignatureBytes, int maxReadmeBytes,
        int maxDataFileBytes, int maxOtherFileBytes, long maxTotalBytes, int maxEntries) {
    /** 16 files; manifest 64 KiB; signature 2 KiB; README 64 KiB; data files 64 MiB; 160 MiB in all; 100,000 entries. */
    public static final BundleLimits DEFAULT = new BundleLimits(16, 64 * 1024, 2048, 64 * 1024, 64 << 20, 64 * 1024,
            160L << 20, 100_000);

    /** The largest a file of this name may be. */
    public int maxBytes(String name) {
        return switch (name) {
            case BundleFormat.MANIFEST -> maxManifestBytes;
            case BundleFormat.SIGNATURE -> maxSignatureBytes;
            case BundleFormat.README -> maxReadmeBytes;
            case BundleFormat.CONFIRMATIONS_JSON, BundleFormat.CONFIRMATIONS_CSV -> maxDataFileBytes;
            default -> maxOtherFileBytes;
        };
    }
}
