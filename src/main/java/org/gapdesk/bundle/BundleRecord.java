package org.gapdesk.bundle;

import java.time.Instant;

/**
 * A numbered bundle as the record keeps it.
 *
 * @param id record id
 * @param lab lab code
 * @param sequence the lab's bundle number
 * @param status where its export stands
 * @param kioskId the kiosk that made it
 * @param batchId the batch it was made from, or null for "every confirmed request of the lab"
 * @param createdAt export time (to the second)
 * @param createdBy operator
 * @param manifestSha256 SHA-256 hex of its manifest.json
 * @param signature its manifest.sig bytes
 * @param entryCount entries
 * @param keyFingerprint SHA-256 hex of the signing public key
 * @param destination where it was written (folder, zip file, or {@code download}), or null
 * @param finishedAt when it was written or failed, or null
 * @param failure why writing failed, or null
 */
public record BundleRecord(long id, String lab, long sequence, BundleStatus status, String kioskId, Long batchId,
        Instant createdAt, String createdBy, String manifestSha256, byte[] signature, int entryCount,
        String keyFingerprint, String destination, Instant finishedAt, String failure) {

    /** {@code LAB-A #7}. */
    public String label() {
        return lab + " #" + sequence;
    }
}
