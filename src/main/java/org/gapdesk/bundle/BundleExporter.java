package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.gapdesk.activation.ActivationRequest;
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
    private static final int RESERVE_ATTEMPTS = 5;

    private final Database db;
    private final Supplier<KioskKey> key;
    private final String kioskId;
    private final Clock clock;
    private final FolderWriter folderWriter;
    private final BundleLimits limits = BundleLimits.DEFAULT;
    private final BundleVerifier verifier = new BundleVerifier(limits);
    private final BundleRepository bundles = new BundleRepository();
    private final RequestRepository requests = new RequestRepository();
    private final Map<String, ReentrantLock> labLocks = new ConcurrentHashMap<>();

    /**
     * @param key the kiosk key, asked for at each export (so a rotated key is used from then on)
     * @param kioskId written into every manifest
     */
    public BundleExporter(Database db, Supplier<KioskKey> key, String kioskId, Clock clock) {
        this(db, key, kioskId, clock, BundleFolder::write);
    }

    BundleExporter(Database db, Supplier<KioskKey> key, String kioskId, Clock clock, FolderWriter folderWriter) {
        this.db = db;
        this.key = key;
        this.kioskId = kioskId;
        this.clock = clock;
        this.folderWriter = folderWriter;
    }

    /**
     * The entries an export would hold now: the lab's confirmed requests, or those of batch {@code batchId}.
     *
     * @throws BundleException when the batch does not exist or belongs to another lab
     */
    public List<BundleEntry> pending(String lab, Long batchId) {
        return db.read(c -> pending(c, lab, batchId));
    }

    private List<BundleEntry> pending(Connection c, String lab, Long batchId) throws SQLException {
        Set<Long> inBatch = null;
        if (batchId != null) {
            Optional<String> batchLab = bundles.batchLab(c, batchId);
            if (batchLab.isEmpty()) {
                throw new BundleException("there is no batch " + batchId);
            }
            if (!batchLab.get().equals(lab)) {
                throw new BundleException("batch " + batchId + " is for lab " + batchLab.get() + ", not " + lab);
            }
            inBatch = bundles.batchRequestIds(c, batchId);
        }
        List<BundleEntry> out = new ArrayList<>();
        for (ActivationRequest r : requests.list(c, lab, RequestState.CONFIRMED, null, limits.maxEntries() + 1)) {
            if (inBatch != null && !inBatch.contains(r.id())) {
                continue;
            }
            if (r.cid() == null) {
                throw new IllegalStateException("request " + r.id() + " is confirmed but has no CID");
            }
            out.add(new BundleEntry(r.id(), r.machine().name(), r.machine().alias(), r.product().activationId(),
                    r.product().applicationId(), r.product().name(), r.iid().digits(), r.cid()));
        }
        out.sort(BundleEntry.ORDER);
        return out;
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
        requireFolder(parent);
        return export(lab, batchId, operator, new FolderTarget(parent));
    }

    /** Exports as a zip held in memory (for a download); the zip is read back and verified first. */
    public ExportResult exportZip(String lab, Long batchId, String operator) {
        return export(lab, batchId, operator, new ZipTarget(null));
    }

    /** Exports as the zip file {@code zipFile}, written durably, read back and verified. */
    public ExportResult exportZipFile(String lab, Long batchId, String operator, Path zipFile) {
        requireZipPath(zipFile);
        return export(lab, batchId, operator, new ZipTarget(zipFile));
    }

    /** Writes the recorded bundle {@code bundleId} again into {@code parent}: the same bytes as the first time. */
    public ExportResult rewriteToFolder(long bundleId, Path parent) {
        requireFolder(parent);
        return rewrite(bundleId, new FolderTarget(parent));
    }

    /** The recorded bundle {@code bundleId} again, as zip bytes identical to those of its first zip. */
    public ExportResult rewriteZip(long bundleId) {
        return rewrite(bundleId, new ZipTarget(null));
    }

    /** The recorded bundle {@code bundleId} again, as the zip file {@code zipFile}. */
    public ExportResult rewriteZipFile(long bundleId, Path zipFile) {
        requireZipPath(zipFile);
        return rewrite(bundleId, new ZipTarget(zipFile));
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

    private record Reserved(long id, BundleHeader header, BundleBuilder.Built built, List<BundleEntry> entries) {
        String label() {
            return header.lab() + " #" + header.sequence();
        }
    }

    private record Finished(List<Long> moved, List<Long> changed) {
    }

    private ExportResult export(String lab, Long batchId, String operator, Target target) {
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
            Reserved r = reserve(lab, batchId, who, entries, k);
            Written w;
            try {
                w = target.write(r.built(), back -> problemWithNew(back, r, k));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                recordFailure(r, why);
                throw new BundleException("bundle " + r.label() + " could not be written to " + target.describe()
                        + ": " + why + ". No request was marked exported; number " + r.header().sequence()
                        + " is spent and will not be used again. Export again to make the next bundle.", e);
            }
            Finished f;
            try {
                f = db.inTransaction(c -> finish(c, r, w.destination(), who));
            } catch (RuntimeException e) {
                target.undo(w);
                recordFailure(r, "written but not recorded: " + e.getMessage());
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

    private Reserved reserve(String lab, Long batchId, String operator, List<BundleEntry> entries, KioskKey k) {
        String fingerprint = KeyFingerprint.hex(k.publicKey());
        for (int attempt = 1;; attempt++) {
            try {
                return db.inTransaction(c -> {
                    long sequence = bundles.lastAllocated(c, lab) + 1;
                    BundleHeader h = new BundleHeader(kioskId, fingerprint, lab, sequence, clock.instant());
                    BundleBuilder.Built b = BundleBuilder.build(h, entries, k::sign);
                    long id = bundles.insertReserved(c, h, batchId, operator, b.manifestSha256(),
                            b.files().raw(BundleFormat.SIGNATURE), entries);
                    return new Reserved(id, h, b, entries);
                });
            } catch (RuntimeException e) {
                if (attempt >= RESERVE_ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Finished finish(Connection c, Reserved r, String destination, String operator) throws SQLException {
        List<BundleEntry> entries = r.entries();
        Map<Long, BundleRepository.Locked> locked = bundles.lockRequests(c, r.id());
        Instant now = clock.instant();
        String detail = "exported in bundle " + r.label();
        List<Long> moved = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        for (BundleEntry e : entries) {
            BundleRepository.Locked l = locked.get(e.requestId());
            if (l != null && RequestState.CONFIRMED.name().equals(l.state()) && e.confirmationId().equals(l.cid())) {
                moved.add(e.requestId());
            } else {
                changed.add(e.requestId());
            }
        }
        requests.changeStates(c, moved, RequestState.CONFIRMED, RequestState.EXPORTED, now, operator, detail);
        if (!bundles.finish(c, r.id(), BundleStatus.WRITTEN, destination, null, now)) {
            throw new IllegalStateException("bundle " + r.label() + " is no longer reserved");
        }
        return new Finished(moved, changed);
    }

    private void recordFailure(Reserved r, String why) {
        try {
            db.inTransaction(c -> bundles.finish(c, r.id(), BundleStatus.FAILED, null, why, clock.instant()));
        } catch (RuntimeException ignored) {
            // The bundle stays RESERVED: its number is spent all the same and no request was moved.
        }
    }

    private ExportResult rewrite(long bundleId, Target target) {
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
        Written w;
        try {
            w = target.write(b, back -> problemWithRewrite(back, b, rec));
        } catch (IOException e) {
            throw new BundleException("bundle " + rec.label() + " could not be written again to " + target.describe()
                    + ": " + e.getMessage(), e);
        }
        return new ExportResult(rec, b.manifestSha256(), w.path(), w.zip(), w.fileName(), List.of(), List.of(), true);
    }

    private String problemWithNew(BundleFiles back, Reserved r, KioskKey k) {
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

    private static void requireFolder(Path parent) {
        if (!Files.isDirectory(parent)) {
            throw new BundleException(parent + (Files.exists(parent) ? " is not a folder" : " does not exist")
                    + "; choose the folder to write the bundle into; no bundle number was used");
        }
    }

    private static void requireZipPath(Path zipFile) {
        Path parent = zipFile.toAbsolutePath().getParent();
        if (Files.isDirectory(zipFile) || parent == null || !Files.isDirectory(parent)) {
            throw new BundleException(zipFile + " cannot be written: " + (Files.isDirectory(zipFile)
                    ? "it is a folder" : "its folder does not exist") + "; no bundle number was used");
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** What a target wrote. */
    private record Written(Path path, byte[] zip, String fileName, String destination) {
    }

    /** Checks the files read back; returns the problem, or null when they are right. */
    @FunctionalInterface
    private interface ReadBackCheck {
        String problem(BundleFiles back);
    }

    /** Where a bundle goes. {@link #write} removes what it wrote when it fails. */
    private interface Target {
        Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException;

        /** Removes what {@link #write} wrote (a bundle that could not be recorded). */
        void undo(Written written);

        String describe();
    }

    private final class FolderTarget implements Target {
        private final Path parent;
        private boolean existed;

        FolderTarget(Path parent) {
            this.parent = parent;
        }

        @Override
        public Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException {
            Manifest m = built.manifest();
            String name = BundleFormat.folderName(m.lab(), m.sequence());
            Path dir = parent.resolve(name);
            existed = Files.exists(dir);
            try {
                folderWriter.write(dir, built.files());
                BundleFiles back = BundleFolder.read(dir, limits);
                String problem = check.problem(back);
                if (problem != null) {
                    throw new IOException(problem);
                }
            } catch (IOException | RuntimeException e) {
                undo(dir, built.files());
                throw e;
            } catch (BundleFormatException e) {
                undo(dir, built.files());
                throw new IOException("cannot read it back: " + e.getMessage(), e);
            }
            return new Written(dir, null, name, dir.toString());
        }

        private void undo(Path dir, BundleFiles files) {
            if (!existed) {
                BundleFolder.deleteQuietly(dir, files.names());
            }
        }

        @Override
        public void undo(Written written) {
            if (!existed) {
                BundleFolder.deleteQuietly(written.path(), BundleFormat.ALL_FILES);
            }
        }

        @Override
        public String describe() {
            return parent.toString();
        }
    }

    private final class ZipTarget implements Target {
        private final Path file;
        private boolean existed;

        /** @param file the zip file to write, or null to keep the zip in memory */
        ZipTarget(Path file) {
            this.file = file;
        }

        @Override
        public Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException {
            Manifest m = built.manifest();
            String name = BundleFormat.zipName(m.lab(), m.sequence());
            byte[] zip = BundleZip.write(built.files());
            if (file == null) {
                try {
                    String problem = check.problem(BundleZip.read(zip, limits));
                    if (problem != null) {
                        throw new IOException(problem);
                    }
                } catch (BundleFormatException e) {
                    throw new IOException("the zip does not read back: " + e.getMessage(), e);
                }
                return new Written(null, zip, name, "download");
            }
            existed = Files.exists(file);
            try {
                BundleFolder.writeDurably(file, zip);
                BundleFolder.syncFolder(file.toAbsolutePath().getParent());
                String problem = check.problem(verifier.read(file));
                if (problem != null) {
                    throw new IOException(problem);
                }
            } catch (IOException | RuntimeException e) {
                deleteZip();
                throw e;
            } catch (BundleFormatException e) {
                deleteZip();
                throw new IOException("the zip does not read back: " + e.getMessage(), e);
            }
            return new Written(file, null, file.getFileName().toString(), file.toString());
        }

        private void deleteZip() {
            if (!existed) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // reported by the caller's message; nothing more to do
                }
            }
        }

        @Override
        public void undo(Written written) {
            if (file != null) {
                deleteZip();
            }
        }

        @Override
        public String describe() {
            return file == null ? "a download" : file.toString();
        }
    }
}
