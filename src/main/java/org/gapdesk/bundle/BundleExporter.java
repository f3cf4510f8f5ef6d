package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.gapdesk.activation.RequestState;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.Database;
import org.gapdesk.store.RequestRepository;

/**
 * Makes signed return bundles: for a lab, every confirmed request (or the confirmed requests of one batch),
 * numbered with the lab's next sequence, written to a folder or a zip, read back and verified, and only then
 * recorded as exported.
 *
 * <p><b>Numbers and states.</b> An export runs in three steps:
 * <ol>
 * <li>One transaction allocates the next sequence of the lab (one more than the highest ever allocated,
 * unique per lab in the record), renders and signs the files, and records the bundle as
 * {@link BundleStatus#RESERVED} with a snapshot of its entries. It commits <em>before</em> a byte is
 * written, so a number can only ever be on a medium once it is on record: no crash can make the kiosk hand
 * out the same number twice.</li>
 * <li>The files are written (temporary name, flush to the device, rename, flush the folder), read back and
 * verified with this kiosk's public key.</li>
 * <li>One transaction locks the requests, moves each that is still confirmed with the same CID to
 * {@link RequestState#EXPORTED} ({@link RequestRepository#changeStates}; history and audit: "exported in
 * bundle LAB-A #7") and marks the bundle
 * {@link BundleStatus#WRITTEN}.</li>
 * </ol>
 * If writing or verifying fails, the files written are removed, the bundle is marked {@link BundleStatus#FAILED}
 * with the reason, no request moves, and the number is never used again (the next export takes the next one;
 * gaps are allowed, the lab only needs each number to be greater than the last). If the kiosk stops between
 * steps 1 and 3, the bundle stays {@link BundleStatus#RESERVED}: no request moved, they go into the next
 * bundle under a new number. So a request is exported only by a bundle that was written and verified, and
 * that bundle can always be written again, byte for byte, with {@link #rewriteToFolder} or {@link #rewriteZip}.
 *
 * <p>Exports of one lab are serialized within the process, and across kiosks sharing one PostgreSQL database by a
 * lock held for the whole export ({@link Database#holdAcrossKiosks}), so a second kiosk sees the requests the first
 * exported and never puts them in another bundle. Should numbers still collide, the unique (lab, sequence)
 * constraint decides and the loser retries with the next number.
 */
public final class BundleExporter {
    private final Database db;
    private final Supplier<KioskKey> key;
    private final FolderWriter folderWriter;
    private final BundleLimits limits = BundleLimits.DEFAULT;
    private final BundleVerifier verifier = new BundleVerifier(limits);
    private final BundleRepository bundles = new BundleRepository();
    private final PendingEntries pending;
    private final BundleLedger ledger;
    private final Map<String, ReentrantLock> labLocks = new ConcurrentHashMap<>();

    /**
     * @param key the kiosk key, asked for at each export (so a rotated key is used from then on)
     * @param kioskId written into every manifest
     */
    public BundleExporter(Database db, Supplier<KioskKey> key, String kioskId, Clock clock) {
        this(db, key, kioskId, clock, BundleFolder::write);
    }

    BundleExporter(Database db, Supplier<KioskKey> key, String kioskId, Clock clock, FolderWriter folderWriter) {
        RequestRepository requests = new RequestRepository();
        this.db = db;
        this.key = key;
        this.folderWriter = folderWriter;
        this.pending = new PendingEntries(bundles, requests, limits);
        this.ledger = new BundleLedger(db, bundles, requests, kioskId, clock);
    }

    /**
     * The entries an export would hold now: the lab's confirmed requests, or those of batch {@code batchId}.
     *
     * @throws BundleException when the batch does not exist or belongs to another lab
     */
    public List<BundleEntry> pending(String lab, Long batchId) {
        return db.read(c -> pending.select(c, lab, batchId));
    }

    /**
     * Exports into a new folder {@code gapdesk-bundle-<LAB>-<SEQ>} inside {@code parent} (e.g. the USB drive),
     * reads it back and verifies it before recording the export.
     *
     * @param batchId only the confirmed requests of this batch, or null for every confirmed request of the lab
     * @throws BundleException when there is nothing to export, the folder is unusable, or writing failed (the
     *     message says what was recorded)
     */
    public ExportResult exportToFolder(String lab, Long batchId, String operator, Path parent) {
        return export(lab, batchId, operator, FolderTarget.into(parent, folderWriter, limits));
    }

    /** Exports as a zip held in memory (for a download); the zip is read back and verified first. */
    public ExportResult exportZip(String lab, Long batchId, String operator) {
        return export(lab, batchId, operator, ZipTarget.inMemory(limits, verifier));
    }

    /** Exports as the zip file {@code zipFile}, written durably, read back and verified. */
    public ExportResult exportZipFile(String lab, Long batchId, String operator, Path zipFile) {
        return export(lab, batchId, operator, ZipTarget.file(zipFile, limits, verifier));
    }

    /** Writes the recorded bundle {@code bundleId} again into {@code parent}: the same bytes as the first time. */
    public ExportResult rewriteToFolder(long bundleId, Path parent) {
        return rewrite(bundleId, FolderTarget.into(parent, folderWriter, limits));
    }

    /** The recorded bundle {@code bundleId} again, as zip bytes identical to those of its first zip. */
    public ExportResult rewriteZip(long bundleId) {
        return rewrite(bundleId, ZipTarget.inMemory(limits, verifier));
    }

    /** The recorded bundle {@code bundleId} again, as the zip file {@code zipFile}. */
    public ExportResult rewriteZipFile(long bundleId, Path zipFile) {
        return rewrite(bundleId, ZipTarget.file(zipFile, limits, verifier));
    }

    /** The bundles of a lab (every lab when null), newest first. */
    public List<BundleRecord> bundles(String lab) {
        return db.read(c -> bundles.list(c, lab));
    }

    /** One bundle by id. */
    public Optional<BundleRecord> find(long bundleId) {
        return db.read(c -> bundles.find(c, bundleId));
    }

    /** One bundle by lab and sequence. */
    public Optional<BundleRecord> find(String lab, long sequence) {
        return db.read(c -> bundles.find(c, lab, sequence));
    }

    /** The entries of a recorded bundle, in bundle order. */
    public List<BundleEntry> entries(long bundleId) {
        return db.read(c -> bundles.entries(c, bundleId));
    }

    private ExportResult export(String lab, Long batchId, String operator, BundleTarget target) {
        if (lab == null || lab.isBlank()) {
            throw new BundleException("choose a lab to export");
        }
        String who = operator(operator);
        ReentrantLock lock = labLocks.computeIfAbsent(lab, k -> new ReentrantLock());
        lock.lock();
        try (Database.SharedLock shared = db.holdAcrossKiosks("gapdesk-export:" + lab)) {
            List<BundleEntry> entries = pending(lab, batchId);
            if (entries.isEmpty()) {
                throw new BundleException("nothing to export: no confirmed request of lab " + lab
                        + (batchId != null ? " in batch " + batchId : "") + " is waiting for a bundle;"
                        + " no bundle number was used");
            }
            if (entries.size() > limits.maxEntries()) {
                throw new BundleException(entries.size() + " confirmed requests are more than one bundle holds ("
                        + limits.maxEntries() + "); export them by batch");
            }
            KioskKey k = key.get();
            BundleLedger.Reserved r = ledger.reserve(lab, batchId, who, entries, k);
            BundleTarget.Written w;
            try {
                w = target.write(r.built(), back -> problemWithNew(back, r, k));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                ledger.markFailed(r, why);
                throw new BundleException("bundle " + r.label() + " could not be written to " + target.describe()
                        + ": " + why + ". No request was marked exported; number " + r.header().sequence()
                        + " is spent and will not be used again. Export again to make the next bundle.", e);
            }
            BundleLedger.Finished f;
            try {
                f = ledger.markWritten(r, w.destination(), who);
            } catch (RuntimeException e) {
                target.undo(w);
                ledger.markFailed(r, "written but not recorded: " + e.getMessage());
                throw new BundleException("bundle " + r.label() + " was written but could not be recorded ("
                        + e.getMessage() + "); its files were removed and no request was marked exported", e);
            }
            BundleRecord rec = find(r.id()).orElseThrow();
            return new ExportResult(rec, r.built().manifestSha256(), w.path(), w.zip(), w.fileName(), f.moved(),
                    f.changed(), false);
        } finally {
            lock.unlock();
        }
    }

    private ExportResult rewrite(long bundleId, BundleTarget target) {
        BundleRecord rec = find(bundleId).orElseThrow(() -> new BundleException("there is no bundle " + bundleId));
        if (rec.status() != BundleStatus.WRITTEN) {
            throw new BundleException("bundle " + rec.label() + " is " + rec.status().name().toLowerCase()
                    + (rec.status() == BundleStatus.FAILED ? " (" + rec.failure() + ")" : "")
                    + "; only a written bundle can be written again");
        }
        List<BundleEntry> entries = entries(bundleId);
        BundleHeader h = new BundleHeader(rec.kioskId(), rec.keyFingerprint(), rec.lab(), rec.sequence(),
                rec.createdAt());
        BundleBuilder.Built b = BundleBuilder.build(h, entries, manifest -> rec.signature().clone());
        if (!b.manifestSha256().equals(rec.manifestSha256())) {
            throw new BundleException("bundle " + rec.label() + " cannot be reproduced: its manifest would differ"
                    + " from the one recorded (SHA-256 " + rec.manifestSha256() + ")");
        }
        BundleTarget.Written w;
        try {
            w = target.write(b, back -> problemWithRewrite(back, b, rec));
        } catch (IOException e) {
            throw new BundleException("bundle " + rec.label() + " could not be written again to " + target.describe()
                    + ": " + e.getMessage(), e);
        }
        return new ExportResult(rec, b.manifestSha256(), w.path(), w.zip(), w.fileName(), List.of(), List.of(), true);
    }

    private String problemWithNew(BundleFiles back, BundleLedger.Reserved r, KioskKey k) {
        if (!back.sameAs(r.built().files())) {
            return "the files read back differ from the files written";
        }
        VerificationResult v = verifier.verify(back, k.publicKey(), r.header().lab(), r.header().sequence() - 1);
        return v.valid() ? null : "the bundle read back does not verify: " + v.reason().code() + ": " + v.message();
    }

    private String problemWithRewrite(BundleFiles back, BundleBuilder.Built b, BundleRecord rec) {
        if (!back.sameAs(b.files())) {
            return "the files read back differ from the files written";
        }
        KioskKey k = key.get();
        if (KeyFingerprint.hex(k.publicKey()).equals(rec.keyFingerprint())) {
            VerificationResult v = verifier.verify(back, k.publicKey(), rec.lab(), null);
            if (!v.valid()) {
                return "the bundle read back does not verify: " + v.reason().code() + ": " + v.message();
            }
        }
        return null;
    }

    private static String operator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new BundleException("an export needs an operator name");
        }
        String s = operator.strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
