package org.gapdesk.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.signing.Sha256;

/**
 * Checks a bundle against a trusted public key, with no database: pure Java, the same checks the lab makes.
 *
 * <p>The checks run in this order and the first failure is the result, each with its own
 * {@link VerificationReason}: the container (folder or zip) within limits; manifest.json and manifest.sig
 * present; the signature over the exact manifest bytes with the trusted key (a manifest naming another key
 * is reported as {@link VerificationReason#SIGNED_BY_OTHER_KEY}); the manifest's form and version; the
 * expected lab; the sequence greater than the last one applied; every listed file present, no other file,
 * each size and SHA-256 as listed; confirmations.json's form, its agreement with the manifest (lab,
 * sequence, entry count), every IID and CID valid; confirmations.csv exactly the CSV form of the entries.
 * Nothing of the manifest is believed before its signature verifies.
 */
public final class BundleVerifier {
    private final BundleLimits limits;

    /** A verifier with {@link BundleLimits#DEFAULT}. */
    public BundleVerifier() {
        this(BundleLimits.DEFAULT);
    }

    public BundleVerifier(BundleLimits limits) {
        this.limits = limits;
    }

    /**
     * Verifies a bundle folder, a zip, or the folder of a {@code manifest.json} path given.
     *
     * @param trusted the kiosk public key the lab trusts
     * @param expectedLab the lab the bundle must be for, or null to accept any
     * @param lastSequence the last sequence applied for the lab (the bundle's must be greater), or null
     */
    public VerificationResult verify(Path bundle, PublicKey trusted, String expectedLab, Long lastSequence) {
        BundleFiles files;
        try {
            files = read(bundle);
        } catch (BundleFormatException e) {
            return VerificationResult.refused(e.reason(), e.getMessage(), null, null);
        }
        return verify(files, trusted, expectedLab, lastSequence);
    }

    /** Reads the files of a folder or zip within the limits, without verifying them. */
    public BundleFiles read(Path bundle) throws BundleFormatException {
        if (Files.isDirectory(bundle)) {
            return BundleFolder.read(bundle, limits);
        }
        if (!Files.isRegularFile(bundle)) {
            throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, bundle + ": no such folder or file");
        }
        if (bundle.getFileName().toString().equals(BundleFormat.MANIFEST) && bundle.getParent() != null) {
            return BundleFolder.read(bundle.getParent(), limits);
        }
        try (InputStream in = Files.newInputStream(bundle, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(4);
            if (!BundleZip.looksLikeZip(head)) {
                throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, bundle
                        + ": neither a bundle folder nor a zip");
            }
            if (Files.size(bundle) > limits.maxTotalBytes()) {
                throw new BundleFormatException(VerificationReason.TOO_LARGE, bundle + ": more than "
                        + limits.maxTotalBytes() + " bytes");
            }
            return BundleZip.read(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in), limits);
        } catch (IOException e) {
            throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, "cannot read " + bundle + ": " + e);
        }
    }

    /** Verifies files already read (see {@link #verify(Path, PublicKey, String, Long)}). */
    public VerificationResult verify(BundleFiles files, PublicKey trusted, String expectedLab, Long lastSequence) {
        byte[] manifestBytes = files.raw(BundleFormat.MANIFEST);
        if (manifestBytes == null) {
            return VerificationResult.refused(VerificationReason.MISSING_MANIFEST,
                    "there is no manifest.json: this is not a complete bundle", null, null);
        }
        String sha = Sha256.hex(manifestBytes);
        byte[] sig = files.raw(BundleFormat.SIGNATURE);
        if (sig == null) {
            return VerificationResult.refused(VerificationReason.MISSING_SIGNATURE,
                    "there is no manifest.sig: the bundle is not signed", null, sha);
        }
        if (!signatureVerifies(manifestBytes, sig, trusted)) {
            return badSignature(manifestBytes, trusted, sha);
        }
        Manifest m;
        try {
            m = Manifest.parse(manifestBytes, limits);
        } catch (BundleFormatException e) {
            return VerificationResult.refused(e.reason(), e.getMessage(), null, sha);
        }
        String trustedHex = KeyFingerprint.hex(trusted);
        if (!m.keyFingerprint().equals(trustedHex)) {
            return VerificationResult.refused(VerificationReason.MALFORMED_MANIFEST, "manifest.json names key "
                    + m.keyFingerprint() + " but was signed by the trusted key " + trustedHex, m, sha);
        }
        if (expectedLab != null && !expectedLab.equals(m.lab())) {
            return VerificationResult.refused(VerificationReason.LAB_MISMATCH, "the bundle is for lab " + m.lab()
                    + ", not " + expectedLab, m, sha);
        }
        if (lastSequence != null && m.sequence() <= lastSequence) {
            return VerificationResult.refused(VerificationReason.SEQUENCE_NOT_NEWER, "bundle " + m.lab() + " #"
                    + m.sequence() + " is not newer than the last one applied (#" + lastSequence
                    + "): a replay or a rollback", m, sha);
        }
        VerificationResult fileProblem = checkFiles(files, m, sha);
        if (fileProblem != null) {
            return fileProblem;
        }
        Confirmations conf;
        try {
            conf = Confirmations.parse(files.raw(BundleFormat.CONFIRMATIONS_JSON), limits);
            checkAgreement(conf, m);
            checkIds(conf);
        } catch (BundleFormatException e) {
            return VerificationResult.refused(e.reason(), e.getMessage(), m, sha);
        }
        if (!Arrays.equals(conf.csvBytes(), files.raw(BundleFormat.CONFIRMATIONS_CSV))) {
            return VerificationResult.refused(VerificationReason.CSV_MISMATCH,
                    "confirmations.csv does not hold the entries of confirmations.json", m, sha);
        }
        return new VerificationResult(VerificationReason.VALID, "valid: bundle " + m.lab() + " #" + m.sequence()
                + ", " + m.entryCount() + (m.entryCount() == 1 ? " entry" : " entries") + ", signed by "
                + KeyFingerprint.grouped(trusted), m, conf, sha);
    }

    private static boolean signatureVerifies(byte[] manifest, byte[] sig, PublicKey trusted) {
        try {
            Signature s = Signature.getInstance(KioskKey.ALGORITHM);
            s.initVerify(trusted);
            s.update(manifest);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Names the likely cause of a signature that does not verify. The manifest is read only for this hint:
     * nothing in it is believed.
     */
    private VerificationResult badSignature(byte[] manifestBytes, PublicKey trusted, String sha) {
        String trustedHex = KeyFingerprint.hex(trusted);
        try {
            Manifest claimed = Manifest.parse(manifestBytes, limits);
            if (!claimed.keyFingerprint().equals(trustedHex)) {
                return VerificationResult.refused(VerificationReason.SIGNED_BY_OTHER_KEY, "the bundle says it was"
                        + " signed by key " + claimed.keyFingerprint() + ", not by the trusted key " + trustedHex
                        + ", and the trusted key does not verify it", null, sha);
            }
        } catch (BundleFormatException e) {
            if (e.reason() == VerificationReason.UNSUPPORTED_VERSION) {
                return VerificationResult.refused(e.reason(), e.getMessage() + " (and the signature does not verify"
                        + " with the trusted key)", null, sha);
            }
        }
        return VerificationResult.refused(VerificationReason.BAD_SIGNATURE, "manifest.sig does not verify"
                + " manifest.json with the trusted key " + trustedHex + ": the manifest or the signature was changed",
                null, sha);
    }

    private static VerificationResult checkFiles(BundleFiles files, Manifest m, String sha) {
        for (Manifest.FileInfo f : m.files()) {
            if (!files.has(f.name())) {
                return VerificationResult.refused(VerificationReason.MISSING_FILE, f.name()
                        + " is listed in the manifest but missing", m, sha);
            }
        }
        for (String name : files.names()) {
            if (!name.equals(BundleFormat.MANIFEST) && !name.equals(BundleFormat.SIGNATURE) && m.file(name) == null) {
                return VerificationResult.refused(VerificationReason.EXTRA_FILE, name
                        + " is not listed in the manifest; a bundle holds nothing else", m, sha);
            }
        }
        for (Manifest.FileInfo f : m.files()) {
            long size = files.size(f.name());
            if (size != f.size()) {
                return VerificationResult.refused(VerificationReason.SIZE_MISMATCH, f.name() + " has " + size
                        + " bytes; the manifest lists " + f.size() + (size < f.size() ? " (truncated)" : ""), m, sha);
            }
        }
        for (Manifest.FileInfo f : m.files()) {
            String actual = Sha256.hex(files.raw(f.name()));
            if (!actual.equals(f.sha256())) {
                return VerificationResult.refused(VerificationReason.HASH_MISMATCH, f.name() + " has SHA-256 "
                        + actual + "; the manifest lists " + f.sha256(), m, sha);
            }
        }
        return null;
    }

    private static void checkAgreement(Confirmations conf, Manifest m) throws BundleFormatException {
        String problem = null;
        if (!conf.lab().equals(m.lab())) {
            problem = "is for lab " + conf.lab() + ", the manifest for " + m.lab();
        } else if (conf.sequence() != m.sequence()) {
            problem = "has sequence " + conf.sequence() + ", the manifest " + m.sequence();
        } else if (conf.entries().size() != m.entryCount()) {
            problem = "has " + conf.entries().size() + " entries, the manifest says " + m.entryCount();
        }
        if (problem != null) {
            throw new BundleFormatException(VerificationReason.ENTRIES_MISMATCH, "confirmations.json " + problem);
        }
    }

    private static void checkIds(Confirmations conf) throws BundleFormatException {
        for (int i = 0; i < conf.entries().size(); i++) {
            BundleEntry e = conf.entries().get(i);
            String where = "confirmations.json entries[" + i + "] (request " + e.requestId() + "): ";
            try {
                InstallationId iid = InstallationId.parse(e.installationId());
                ConfirmationId cid = ConfirmationId.parse(e.confirmationId());
                if (!iid.digits().equals(e.installationId()) || !cid.digits().equals(e.confirmationId())) {
                    throw new IdFormatException("IDs in a bundle are digits only");
                }
                if (cid.digits().length() == ConfirmationId.XP_LENGTH
                        && iid.layout() == InstallationId.Layout.GROUPS_OF_7) {
                    throw new IdFormatException("a 42-digit CID does not fit a 63-digit Installation ID");
                }
            } catch (IdFormatException ex) {
                throw new BundleFormatException(VerificationReason.INVALID_ID, where + ex.getMessage());
            }
        }
    }
}
