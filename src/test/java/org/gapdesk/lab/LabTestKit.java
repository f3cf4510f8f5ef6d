package org.gapdesk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import org.gapdesk.bundle.BundleBuilder;
import org.gapdesk.bundle.BundleEntry;
import org.gapdesk.bundle.BundleFolder;
import org.gapdesk.bundle.BundleFormat;
import org.gapdesk.bundle.BundleHeader;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;

/** Keys (generated once per run) and real bundles written by the kiosk's own bundle code, for the lab tests. */
public final class LabTestKit {
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    public static final String LAB = "LAB-A";
    public static final String WINDOWS_ID = "de000000-0000-4000-8000-000000000001";
    public static final String OFFICE_ID = "de000000-0000-4000-8000-000000000003";

    private static KioskKey key;
    private static KioskKey otherKey;

    private LabTestKit() {
    }

    public static synchronized KioskKey key() {
        if (key == null) {
            key = generate();
        }
        return key;
    }

    public static synchronized KioskKey otherKey() {
        if (otherKey == null) {
            otherKey = generate();
        }
        return otherKey;
    }

    public static PinnedKey pinned() {
        return PinnedKey.of(key().publicKey());
    }

    private static KioskKey generate() {
        try {
            return KioskKey.generate("kiosk-1", NOW);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes bundle {@code lab} #{@code sequence} signed by {@code signer} into {@code parent}; returns its folder. */
    public static Path writeBundle(Path parent, String lab, long sequence, List<BundleEntry> entries,
            KioskKey signer) {
        BundleHeader header = new BundleHeader("kiosk-1", KeyFingerprint.hex(signer.publicKey()), lab, sequence, NOW);
        BundleBuilder.Built built = BundleBuilder.build(header, entries, signer::sign);
        Path dir = parent.resolve(BundleFormat.folderName(lab, sequence));
        try {
            BundleFolder.write(dir, built.files());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Three entries of LAB-A with valid synthetic IIDs and CIDs. */
    public static List<BundleEntry> entries(long seed) {
        SyntheticIds ids = new SyntheticIds(seed);
        return List.of(
                new BundleEntry(1, "PC-001", false, WINDOWS_ID, org.gapdesk.activation.Product.WINDOWS_APP_ID,
                        "Windows 11 Enterprise", ids.iid63(), ids.cid48()),
                new BundleEntry(2, "PC-001", false, OFFICE_ID, org.gapdesk.activation.Product.OFFICE_APP_ID,
                        "Office LTSC Professional Plus 2021", ids.iid63(), ids.cid48()),
                new BundleEntry(3, "PC-002", false, WINDOWS_ID, org.gapdesk.activation.Product.WINDOWS_APP_ID,
                        "Windows 11 Enterprise", ids.iid63(), ids.cid48()));
    }
}
