package org.gapdesk.lab;

import java.util.List;

/**
 * A bundle that passed every check of {@link LabVerifier}.
 *
 * @param kioskId the kiosk that signed it
 * @param keyFingerprint the signing key's fingerprint (64 upper-case hex digits)
 * @param lab the lab it is for
 * @param sequence its sequence number
 * @param manifestSha256 SHA-256 of the exact {@code manifest.json} bytes, lower-case hex
 * @param sequenceOverride true when it was accepted only because the operator allowed an older sequence
 * @param entries the confirmations, in file order
 */
public record VerifiedBundle(String kioskId, String keyFingerprint, String lab, long sequence, String manifestSha256,
        boolean sequenceOverride, List<BundleEntry> entries) {
    public VerifiedBundle {
        entries = List.copyOf(entries);
    }
}
