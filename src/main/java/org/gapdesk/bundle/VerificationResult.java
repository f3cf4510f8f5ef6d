package org.gapdesk.bundle;

/**
 * The outcome of {@link BundleVerifier}: {@link VerificationReason#VALID} or the first check that failed.
 *
 * @param reason why it was accepted or refused
 * @param message one line for people, naming the file and what is wrong
 * @param manifest the manifest, when it was read (it is authentic only when the signature verified)
 * @param confirmations the entries, when the bundle is valid; else null
 * @param manifestSha256 SHA-256 hex of manifest.json when there was one, else null
 */
public record VerificationResult(VerificationReason reason, String message, Manifest manifest,
        Confirmations confirmations, String manifestSha256) {

    /** True when every check passed. */
    public boolean valid() {
        return reason == VerificationReason.VALID;
    }

    static VerificationResult refused(VerificationReason reason, String message, Manifest manifest, String sha) {
        return new VerificationResult(reason, message, manifest, null, sha);
    }
}
