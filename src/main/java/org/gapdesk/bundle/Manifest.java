package org.gapdesk.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest.json}: who made the bundle, for which lab, its sequence number, and the size and SHA-256 of
 * every other file. Its exact bytes are what {@code manifest.sig} signs.
 *
 * @param kioskId the kiosk that made it
 * @param keyFingerprint SHA-256 of the signing public key, 64 upper-case hex digits
 * @param lab the lab code
 * @param sequence the lab's bundle number, from 1, strictly increasing
 * @param createdAt the kiosk clock at export, ISO-8601 UTC; for people only, never trusted
 * @param entryCount entries in confirmations.json
 * @param files the other files, sorted by name
 */
public record Manifest(String kioskId, String keyFingerprint, String lab, long sequence, String createdAt,
        int entryCount, List<FileInfo> files) {

    /**
     * One listed file.
     *
     * @param name file name, no path
     * @param size bytes
     * @param sha256 SHA-256 of the bytes, 64 lower-case hex digits
     */
    public record FileInfo(String name, long size, String sha256) {
    }

    public Manifest {
        files = List.copyOf(files);
    }

    /** The listed file of that name, or null. */
    public FileInfo file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The canonical bytes. */
    public byte[] toBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", BundleFormat.FORMAT);
        m.put("version", BundleFormat.VERSION);
        m.put("kioskId", kioskId);
        m.put("keyFingerprint", keyFingerprint);
        m.put("lab", lab);
        m.put("sequence", sequence);
        m.put("createdAt", createdAt);
        m.put("entryCount", entryCount);
        List<Object> list = new ArrayList<>();
        for (FileInfo f : files) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("size", f.size());
            fm.put("sha256", f.sha256());
            list.add(fm);
        }
        m.put("files", list);
        return CanonicalJson.bytes(m);
    }

    /**
     * Reads a manifest strictly: format and version first ({@link VerificationReason#UNSUPPORTED_VERSION}),
     * then every member ({@link VerificationReason#MALFORMED_MANIFEST}); version 1 lists exactly README.txt,
     * confirmations.csv and confirmations.json, in that order.
     */
    public static Manifest parse(byte[] bytes, BundleLimits limits) throws BundleFormatException {
        StrictJson json = new StrictJson(BundleFormat.MANIFEST, VerificationReason.MALFORMED_MANIFEST);
        JsonNode root = json.parse(bytes);
        json.formatAndVersion(root, BundleFormat.FORMAT);
        json.members(root, "manifest", Set.of("format", "version", "kioskId", "keyFingerprint", "lab", "sequence",
                "createdAt", "entryCount", "files"));
        String kioskId = json.text(root, "kioskId", "manifest", 100);
        String fingerprint = json.text(root, "keyFingerprint", "manifest", 64);
        if (!fingerprint.matches("[0-9A-F]{64}")) {
            throw json.fail("manifest.keyFingerprint is not 64 upper-case hex digits");
        }
        String lab = json.text(root, "lab", "manifest", 64);
        long sequence = json.integer(root, "sequence", "manifest", 1, Long.MAX_VALUE);
        String createdAt = json.text(root, "createdAt", "manifest", 64);
        int entryCount = (int) json.integer(root, "entryCount", "manifest", 0, limits.maxEntries());
        JsonNode filesNode = json.array(root, "files", "manifest");
        List<FileInfo> files = new ArrayList<>();
        for (int i = 0; i < filesNode.size(); i++) {
            String where = "manifest.files[" + i + "]";
            JsonNode f = filesNode.get(i);
            if (!f.isObject()) {
                throw json.fail(where + " is not an object");
            }
            json.members(f, where, Set.of("name", "size", "sha256"));
            String name = json.text(f, "name", where, 100);
            long size = json.integer(f, "size", where, 0, Long.MAX_VALUE);
            String sha = json.text(f, "sha256", where, 64);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw json.fail(where + ".sha256 is not 64 lower-case hex digits");
            }
            files.add(new FileInfo(name, size, sha));
        }
        List<String> names = files.stream().map(FileInfo::name).toList();
        if (!names.equals(BundleFormat.DATA_FILES)) {
            throw json.fail("manifest.files lists " + names + "; version 1 lists exactly " + BundleFormat.DATA_FILES);
        }
        return new Manifest(kioskId, fingerprint, lab, sequence, createdAt, entryCount, files);
    }
}
