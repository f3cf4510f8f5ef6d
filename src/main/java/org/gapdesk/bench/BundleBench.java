package org.gapdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.BundleExporter;
import org.gapdesk.bundle.BundleFiles;
import org.gapdesk.bundle.BundleVerifier;
import org.gapdesk.bundle.BundleZip;
import org.gapdesk.bundle.BundleFormatException;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.bundle.VerificationResult;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.Database;
import org.gapdesk.store.ImportRepository;
import org.gapdesk.store.RequestRepository;

/**
 * The bundle bar of the design: a lab of N confirmed requests (synthetic IIDs and CIDs, stored into a fresh
 * H2 file database before the clock starts), measured two ways:
 * <ul>
 * <li><b>export</b>: {@link BundleExporter#exportToFolder} end to end: select the confirmed requests, allocate
 * the sequence, render and sign the files, write each one durably (flush to the device, rename, flush the
 * folder), read the folder back and verify it, then move every request to exported in one transaction;
 * <li><b>verify</b>: {@link BundleVerifier#verify} of the folder written: read it within limits, check the
 * signature, every size and SHA-256, parse the entries, check every IID and CID, compare the CSV.
 * </ul>
 * The RSA-3072 key is generated once before the runs. Warm-up runs go first and are not counted. Besides
 * wall-clock time it records the measuring thread's CPU time, which other processes on a shared machine
 * disturb much less (it leaves out waiting for the device to flush, and garbage collector threads).
 */
public final class BundleBench {
    /** Seed of the synthetic IDs. */
    public static final long SEED = 10_000L;
    /** Lab code of the bundle. */
    public static final String LAB = "LAB-BENCH";

    /**
     * What a run measured.
     *
     * @param entries entries in the bundle
     * @param folderBytes total size of the bundle's five files
     * @param zipBytes size of the same bundle as a zip
     * @param export export times (wall clock)
     * @param verify verification times (wall clock)
     * @param exportCpu CPU time of the measuring thread while exporting
     * @param verifyCpu CPU time of the measuring thread while verifying
     * @param sha256 the baseline: SHA-256 of the same five files' bytes, already in memory, in each run
     */
    public record Result(int entries, long folderBytes, long zipBytes, Timings export, Timings verify,
            Timings exportCpu, Timings verifyCpu, Timings sha256) {
    }

    private final int entries;
    private final int warmups;
    private final int runs;
    private final Path workDir;

    /**
     * @param entries confirmed requests in the bundle
     * @param warmups uncounted runs before measuring
     * @param runs measured runs
     * @param workDir folder for the temporary databases and bundles (each run gets its own, deleted after)
     */
    public BundleBench(int entries, int warmups, int runs, Path workDir) {
        if (entries < 1 || warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need at least 1 entry and 1 measured run");
        }
        this.entries = entries;
        this.warmups = warmups;
        this.runs = runs;
        this.workDir = workDir;
    }

    /** Runs the measurements. */
    public Result run() {
        KioskKey key;
        try {
            key = KioskKey.generate("bench-kiosk", Instant.now());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        List<Double> export = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> exportCpu = new ArrayList<>();
        List<Double> verifyCpu = new ArrayList<>();
        List<Double> sha256 = new ArrayList<>();
        long folderBytes = 0;
        long zipBytes = 0;
        for (int i = 0; i < warmups + runs; i++) {
            Path dir = workDir.resolve("bundle-run-" + i);
            try {
                Path usb = Files.createDirectories(dir.resolve("usb"));
                try (Database db = Database.openH2(dir.resolve("db"))) {
                    seed(db);
                    BundleExporter exporter = new BundleExporter(db, () -> key, "bench-kiosk", Clock.systemUTC());
                    long start = System.nanoTime();
                    long cpu = IntakeBench.cpuNanos();
                    ExportResult r = exporter.exportToFolder(LAB, null, "bench", usb);
                    double exportMs = (System.nanoTime() - start) / 1e6;
                    double exportCpuMs = (IntakeBench.cpuNanos() - cpu) / 1e6;
                    check(r.exportedRequestIds().size(), "exported requests");
                    start = System.nanoTime();
                    cpu = IntakeBench.cpuNanos();
                    VerificationResult v = new BundleVerifier().verify(r.path(), key.publicKey(), LAB, 0L);
                    double verifyMs = (System.nanoTime() - start) / 1e6;
                    double verifyCpuMs = (IntakeBench.cpuNanos() - cpu) / 1e6;
                    if (!v.valid()) {
                        throw new IllegalStateException("the bundle does not verify: " + v.message());
                    }
                    check(v.confirmations().entries().size(), "verified entries");
                    if (i >= warmups) {
                        export.add(exportMs);
                        verify.add(verifyMs);
                        exportCpu.add(exportCpuMs);
                        verifyCpu.add(verifyCpuMs);
                    }
                    BundleFiles files = new BundleVerifier().read(r.path());
                    double hashMs = hashAll(files);
                    if (i >= warmups) {
                        sha256.add(hashMs);
                    }
                    folderBytes = files.names().stream().mapToLong(files::size).sum();
                    zipBytes = BundleZip.write(files).length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BundleFormatException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                IntakeBench.deleteTree(dir);
            }
        }
        return new Result(entries, folderBytes, zipBytes, new Timings(export), new Timings(verify),
                new Timings(exportCpu), new Timings(verifyCpu), new Timings(sha256));
    }

    /** Milliseconds to compute the SHA-256 of every file's bytes (held in memory) with {@link BundleFiles#sha256}. */
    private static double hashAll(BundleFiles files) {
        long start = System.nanoTime();
        int chars = 0;
        for (String name : files.names()) {
            chars += files.sha256(name).length();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (chars != 64 * files.names().size()) {
            throw new IllegalStateException("unexpected digest length");
        }
        return ms;
    }

    /** Stores {@code entries} confirmed requests of {@link #LAB}, one Windows MAK product per machine. */
    private void seed(Database db) {
        SyntheticIds ids = new SyntheticIds(SEED);
        RequestRepository requests = new RequestRepository();
        Instant now = Instant.now();
        db.inTransaction(c -> {
            long importId = new ImportRepository().insert(c, "bench.json", "0".repeat(64), "gapdesk-request", 0,
                    "bench", now, "benchmark data");
            for (int i = 1; i <= entries; i++) {
                Product p = new Product(DemoLab.WINDOWS_MAK_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                        "Volume:MAK", "BENCH", 5);
                requests.insert(c, new Machine(LAB, String.format("BENCH-%05d", i), false), p,
                        InstallationId.parse(ids.iid63()), RequestState.CONFIRMED, ids.cid48(), false, importId,
                        now, "bench", "benchmark data");
            }
            return null;
        });
    }

    private void check(int count, String what) {
        if (count != entries) {
            throw new IllegalStateException(what + ": " + count + ", expected " + entries);
        }
    }
}
