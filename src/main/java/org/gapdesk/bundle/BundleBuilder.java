package org.gapdesk.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gapdesk.signing.Sha256;

/**
 * Renders a bundle's files from its header and entries. Pure and deterministic: the same header, entries
 * and signer give the same bytes (RSA PKCS#1 v1.5 signatures are deterministic too).
 */
public final class BundleBuilder {
    private BundleBuilder() {
    }

    /**
     * A rendered bundle.
     *
     * @param files every file, manifest.json and manifest.sig included
     * @param manifest the manifest
     * @param manifestSha256 SHA-256 hex of manifest.json
     */
    public record Built(BundleFiles files, Manifest manifest, String manifestSha256) {
    }

    /**
     * Sorts the entries ({@link BundleEntry#ORDER}), writes confirmations.json, confirmations.csv and
     * README.txt, lists them in the manifest and signs it.
     *
     * @param signer returns the signature of the manifest bytes it is given
     */
    public static Built build(BundleHeader header, List<BundleEntry> entries, UnaryOperator<byte[]> signer) {
        List<BundleEntry> sorted = new ArrayList<>(entries);
        sorted.sort(BundleEntry.ORDER);
        Confirmations conf = new Confirmations(header.lab(), header.sequence(), sorted);
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put(BundleFormat.CONFIRMATIONS_CSV, conf.csvBytes());
        data.put(BundleFormat.CONFIRMATIONS_JSON, conf.jsonBytes());
        data.put(BundleFormat.README, BundleReadme.text(header, sorted.size()));
        Manifest manifest = manifest(header, sorted.size(), data);
        byte[] manifestBytes = manifest.toBytes();
        Map<String, byte[]> all = new LinkedHashMap<>(data);
        all.put(BundleFormat.MANIFEST, manifestBytes);
        all.put(BundleFormat.SIGNATURE, signer.apply(manifestBytes));
        return new Built(new BundleFiles(all), manifest, Sha256.hex(manifestBytes));
    }

    private static Manifest manifest(BundleHeader h, int entryCount, Map<String, byte[]> data) {
        List<Manifest.FileInfo> files = new ArrayList<>();
        for (String name : BundleFormat.DATA_FILES) {
            byte[] b = data.get(name);
            files.add(new Manifest.FileInfo(name, b.length, Sha256.hex(b)));
        }
        return new Manifest(h.kioskId(), h.keyFingerprint(), h.lab(), h.sequence(), h.createdAt().toString(),
                entryCount, files);
    }
}
