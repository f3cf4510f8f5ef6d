package org.gapdesk.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A bundle written and verified.
 *
 * @param bundle the bundle as recorded (status {@link BundleStatus#WRITTEN})
 * @param manifestSha256 SHA-256 hex of its manifest.json
 * @param path the bundle folder or zip file written, or null for a zip returned in {@link #zip()}
 * @param zip the zip bytes when the bundle was made for download, else null
 * @param fileName the folder or zip name, e.g. {@code gapdesk-bundle-LAB-A-7}
 * @param exportedRequestIds requests moved from confirmed to exported by this export (empty for a re-export)
 * @param changedMeanwhile requests in the bundle that changed while it was written (a CID re-keyed, a state
 *     changed) and were therefore not moved to exported; normally empty
 * @param rewritten true when this wrote an existing bundle again
 */
public record ExportResult(BundleRecord bundle, String manifestSha256, Path path, byte[] zip, String fileName,
        List<Long> exportedRequestIds, List<Long> changedMeanwhile, boolean rewritten) {
    public ExportResult {
        exportedRequestIds = List.copyOf(exportedRequestIds);
        changedMeanwhile = List.copyOf(changedMeanwhile);
    }
}
