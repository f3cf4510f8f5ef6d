package org.gapdesk.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Verifies a bundle folder the way {@code Apply-GapdeskBundle.ps1} does, against the key pinned into the
 * toolkit. The checks run in this order and the first failure rejects the bundle with its own
 * {@link LabReason}:
 * <ol>
 * <li>{@code manifest.json} and {@code manifest.sig} are there;</li>
 * <li>the signature (SHA256withRSA, PKCS#1 v1.5, over the exact manifest bytes) verifies with the pinned key
 * ({@code signed-by-other-key} when the manifest names another key's fingerprint, else {@code bad-signature});</li>
 * <li>the manifest is {@code gapdesk-bundle} version 1, names the pinned key, and its fields are well formed;</li>
 * <li>it is for the lab the toolkit is installed for;</li>
 * <li>its sequence is greater than the last one applied (unless the operator allows an older one);</li>
 * <li>the folder holds no file the manifest does not list;</li>
 * <li>every listed file is there with the listed size and SHA-256;</li>
 * <li>{@code confirmations.json} is well formed and agrees with the manifest (lab, sequence, entry count).</li>
 * </ol>
 * This is deliberately a second, independent implementation of the kiosk's verifier, kept as small as the
 * PowerShell it mirrors.
 */
public final class LabVerifier {
    /** Name of the manifest. */
    public static final String MANIFEST = "manifest.json";
    /** Name of the manifest's detached signature. */
    public static final String SIGNATURE = "manifest.sig";
    /** Name of the confirmations file. */
    public static final String CONFIRMATIONS = "confirmations.json";

    static final long MAX_MANIFEST_BYTES = 1 << 20;
    static final long MAX_SIGNATURE_BYTES = 4096;
    static final long MAX_CONFIRMATIONS_BYTES = 64L << 20;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PinnedKey key;

    /** A verifier trusting only {@code key}. */
    public LabVerifier(PinnedKey key) {
        this.key = key;
    }

    /**
     * Verifies {@code folder}.
     *
     * @param lab the lab the toolkit is installed for
     * @param lastSequence the last sequence applied for that lab (0 when none)
     * @param allowOlderSequence accept a sequence not greater than {@code lastSequence} (recorded in the result)
     * @throws BundleRejectedException with the reason of the first check that fails
     */
    public VerifiedBundle verify(Path folder, String lab, long lastSequence, boolean allowOlderSequence)
            throws BundleRejectedException {
        Path manifestFile = folder.resolve(MANIFEST);
        Path signatureFile = folder.resolve(SIGNATURE);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(manifestFile)) {
            throw new BundleRejectedException(LabReason.MISSING_MANIFEST, "no " + MANIFEST + " in " + folder);
        }
        if (!Files.isRegularFile(signatureFile)) {
            throw new BundleRejectedException(LabReason.MISSING_SIGNATURE, "no " + SIGNATURE + " in " + folder);
        }
        byte[] manifestBytes = readBounded(manifestFile, MAX_MANIFEST_BYTES, LabReason.MISSING_MANIFEST);
        byte[] signature = readBounded(signatureFile, MAX_SIGNATURE_BYTES, LabReason.MISSING_SIGNATURE);

        if (!signatureVerifies(manifestBytes, signature)) {
            String named = namedFingerprint(manifestBytes);
            if (named != null && !named.equalsIgnoreCase(key.fingerprint())) {
                throw new BundleRejectedException(LabReason.SIGNED_BY_OTHER_KEY, "the bundle was signed by key "
                        + named + ", not by the pinned kiosk key " + key.fingerprint());
            }
            throw new BundleRejectedException(LabReason.BAD_SIGNATURE, SIGNATURE
                    + " does not verify " + MANIFEST + " with the pinned kiosk key " + key.fingerprint());
        }
        JsonNode manifest;
        try {
            manifest = LabJson.object(manifestBytes);
        } catch (IOException e) {
            throw new BundleRejectedException(LabReason.MALFORMED_MANIFEST, MANIFEST + ": " + e.getMessage());
        }
        JsonNode format = manifest.get("format");
        JsonNode version = manifest.get("version");
        if (format == null || !"gapdesk-bundle".equals(format.asText(null)) || version == null
                || !version.isIntegralNumber() || version.asLong() != 1) {
            throw new BundleRejectedException(LabReason.UNSUPPORTED_VERSION, MANIFEST
                    + " is not a gapdesk-bundle of version 1");
        }
        String bundleLab;
        String kioskId;
        String fingerprint;
        long sequence;
        long entryCount;
        Map<String, ListedFile> listed;
        try {
            fingerprint = LabJson.text(manifest, "keyFingerprint", "");
            kioskId = LabJson.text(manifest, "kioskId", "");
            bundleLab = LabJson.text(manifest, "lab", "");
            sequence = LabJson.integer(manifest, "sequence", 1, Long.MAX_VALUE, "");
            entryCount = LabJson.integer(manifest, "entryCount", 0, Integer.MAX_VALUE, "");
            listed = listedFiles(manifest);
        } catch (IOException e) {
            throw new BundleRejectedException(LabReason.MALFORMED_MANIFEST, MANIFEST + ": " + e.getMessage());
        }
        if (!fingerprint.equalsIgnoreCase(key.fingerprint())) {
            throw new BundleRejectedException(LabReason.SIGNED_BY_OTHER_KEY, MANIFEST + " names key " + fingerprint
                    + ", not the pinned kiosk key " + key.fingerprint());
        }
        if (!bundleLab.equals(lab)) {
            throw new BundleRejectedException(LabReason.LAB_MISMATCH, "the bundle is for lab " + bundleLab
                    + "; this toolkit is installed for lab " + lab);
        }
        boolean override = sequence <= lastSequence;
        if (override && !allowOlderSequence) {
            throw new BundleRejectedException(LabReason.SEQUENCE_NOT_NEWER, "the bundle's sequence " + sequence
                    + " is not greater than " + lastSequence + ", the last one applied for lab " + lab
                    + " (a replay or an older bundle; allow it explicitly only if you mean to)");
        }
        checkFiles(folder, listed);
        List<BundleEntry> entries = readConfirmations(folder.resolve(CONFIRMATIONS), bundleLab, sequence,
                entryCount);
        return new VerifiedBundle(kioskId, fingerprint.toUpperCase(java.util.Locale.ROOT), bundleLab, sequence,
                sha256Hex(manifestBytes), override, entries);
    }

    /** One file the manifest lists. */
    private record ListedFile(String name, long size, String sha256) {
    }

    private static Map<String, ListedFile> listedFiles(JsonNode manifest) throws IOException {
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray()) {
            throw new IOException("files is missing or not an array");
        }
        Map<String, ListedFile> out = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            String where = "files[" + i + "].";
            if (!f.isObject()) {
                throw new IOException("files[" + i + "] is not an object");
            }
            String name = LabJson.text(f, "name", where);
            if (!FILE_NAME.matcher(name).matches() || name.equals(MANIFEST) || name.equals(SIGNATURE)) {
                throw new IOException(where + "name '" + name + "' is not a plain file name of a bundle");
            }
            long size = LabJson.integer(f, "size", 0, Long.MAX_VALUE, where);
            String sha = LabJson.text(f, "sha256", where);
            if (!LabJson.HEX64.matcher(sha).matches()) {
                throw new IOException(where + "sha256 is not 64 hex digits");
            }
            if (out.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), new ListedFile(name, size, sha)) != null) {
                throw new IOException(where + "name '" + name + "' is listed twice");
            }
        }
        if (!out.containsKey(CONFIRMATIONS)) {
            throw new IOException("files does not list " + CONFIRMATIONS);
        }
        return out;
    }

    private static void checkFiles(Path folder, Map<String, ListedFile> listed) throws BundleRejectedException {
        try (Stream<Path> present = Files.list(folder)) {
            for (Path p : (Iterable<Path>) present.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (Files.isSymbolicLink(p)) {
                    throw new BundleRejectedException(LabReason.EXTRA_FILE, "'" + name
                            + "' is a link; a bundle holds plain files only");
                }
                if (name.equals(MANIFEST) || name.equals(SIGNATURE)) {
                    continue;
                }
                ListedFile f = listed.get(name.toLowerCase(java.util.Locale.ROOT));
                if (f == null || !f.name().equals(name) || !Files.isRegularFile(p)) {
                    throw new BundleRejectedException(LabReason.EXTRA_FILE, "'" + name
                            + "' is in the bundle folder but not listed in " + MANIFEST);
                }
            }
        } catch (IOException e) {
            throw new BundleRejectedException(LabReason.MISSING_FILE, "cannot list " + folder + ": "
                    + e.getMessage());
        }
        for (ListedFile f : listed.values()) {
            Path p = folder.resolve(f.name());
            if (!Files.isRegularFile(p)) {
                throw new BundleRejectedException(LabReason.MISSING_FILE, "'" + f.name() + "' is listed in "
                        + MANIFEST + " but not in the bundle folder");
            }
            try {
                long size = Files.size(p);
                if (size != f.size()) {
                    throw new BundleRejectedException(LabReason.SIZE_MISMATCH, "'" + f.name() + "' has " + size
                            + " bytes; the manifest lists " + f.size());
                }
                String actual = sha256Hex(p);
                if (!actual.equalsIgnoreCase(f.sha256())) {
                    throw new BundleRejectedException(LabReason.HASH_MISMATCH, "'" + f.name() + "' has SHA-256 "
                            + actual + "; the manifest lists " + f.sha256().toLowerCase(java.util.Locale.ROOT));
                }
            } catch (IOException e) {
                throw new BundleRejectedException(LabReason.MISSING_FILE, "cannot read '" + f.name() + "': "
                        + e.getMessage());
            }
        }
    }

    private static List<BundleEntry> readConfirmations(Path file, String lab, long sequence, long entryCount)
            throws BundleRejectedException {
        JsonNode list;
        try {
            JsonNode root = LabJson.object(readBounded(file, MAX_CONFIRMATIONS_BYTES, LabReason.MISSING_FILE));
            if (!"gapdesk-confirmations".equals(LabJson.text(root, "format", ""))
                    || LabJson.integer(root, "version", 0, Long.MAX_VALUE, "") != 1) {
                throw new IOException("not gapdesk-confirmations version 1");
            }
            String fileLab = LabJson.text(root, "lab", "");
            long fileSequence = LabJson.integer(root, "sequence", 1, Long.MAX_VALUE, "");
            list = root.get("entries");
            if (list == null || !list.isArray()) {
                throw new IOException("entries is missing or not an array");
            }
            if (!fileLab.equals(lab) || fileSequence != sequence || list.size() != entryCount) {
                throw new BundleRejectedException(LabReason.ENTRIES_MISMATCH, CONFIRMATIONS + " is for lab "
                        + fileLab + " sequence " + fileSequence + " with " + list.size() + " entries; " + MANIFEST
                        + " says lab " + lab + " sequence " + sequence + " with " + entryCount);
            }
        } catch (IOException e) {
            throw new BundleRejectedException(LabReason.MALFORMED_CONFIRMATIONS, CONFIRMATIONS + ": "
                    + e.getMessage());
        }
        List<BundleEntry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), "entries[" + i + "]."));
        }
        return entries;
    }

    private static BundleEntry entry(JsonNode e, String where) throws BundleRejectedException {
        try {
            if (!e.isObject()) {
                throw new IOException(where + " is not an object");
            }
            long requestId = LabJson.integer(e, "requestId", 1, Long.MAX_VALUE, where);
            String machine = LabJson.text(e, "machine", where);
            JsonNode alias = e.get("alias");
            if (alias == null || !alias.isBoolean()) {
                throw new IOException(where + "alias is missing or not true/false");
            }
            String activationId = LabJson.optionalText(e, "activationId", where);
            if (activationId != null && !GUID.matcher(activationId).matches()) {
                throw new IOException(where + "activationId is not a GUID");
            }
            String applicationId = LabJson.optionalText(e, "applicationId", where);
            String product = LabJson.optionalText(e, "product", where);
            if (activationId == null && product == null) {
                throw new IOException(where + " has neither activationId nor product");
            }
            String iid = LabJson.text(e, "installationId", where);
            String cid = LabJson.text(e, "confirmationId", where);
            if (!LabJson.DIGITS.matcher(iid).matches() || !(iid.length() == 50 || iid.length() == 54
                    || iid.length() == 63)) {
                throw new BundleRejectedException(LabReason.INVALID_ID, CONFIRMATIONS + ": " + where
                        + "installationId is not 50, 54 or 63 digits");
            }
            if (!LabJson.DIGITS.matcher(cid).matches() || !(cid.length() == 42 || cid.length() == 48)) {
                throw new BundleRejectedException(LabReason.INVALID_ID, CONFIRMATIONS + ": " + where
                        + "confirmationId is not 42 or 48 digits");
            }
            return new BundleEntry(requestId, machine, alias.asBoolean(), activationId, applicationId,
                    product == null ? "" : product, iid, cid);
        } catch (IOException x) {
            throw new BundleRejectedException(LabReason.MALFORMED_CONFIRMATIONS, CONFIRMATIONS + ": "
                    + x.getMessage());
        }
    }

    private boolean signatureVerifies(byte[] manifest, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key.key());
            s.update(manifest);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The keyFingerprint an unverified manifest claims, for telling "wrong key" from "tampered"; else null. */
    private static String namedFingerprint(byte[] manifestBytes) {
        try {
            JsonNode n = LabJson.object(manifestBytes).get("keyFingerprint");
            return n != null && n.isTextual() && LabJson.HEX64.matcher(n.asText()).matches() ? n.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads a file of at most {@code max} bytes ({@code too-large} beyond); {@code unreadable} when it fails. */
    private static byte[] readBounded(Path file, long max, LabReason unreadable) throws BundleRejectedException {
        try {
            long size = Files.size(file);
            if (size > max) {
                throw new BundleRejectedException(LabReason.TOO_LARGE, file.getFileName() + " has " + size
                        + " bytes, more than the " + max + " accepted");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleRejectedException(unreadable, "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256Hex(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
