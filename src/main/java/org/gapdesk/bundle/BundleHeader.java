package org.gapdesk.bundle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a bundle says about itself besides its entries.
 *
 * @param kioskId the kiosk
 * @param keyFingerprint SHA-256 of the signing public key, 64 upper-case hex digits
 * @param lab the lab code
 * @param sequence the lab's bundle number
 * @param createdAt export time, kept to the second
 */
public record BundleHeader(String kioskId, String keyFingerprint, String lab, long sequence, Instant createdAt) {
    public BundleHeader {
        createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
