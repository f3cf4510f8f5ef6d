package org.gapdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.gapdesk.batch.ActivationChannel;

/**
 * Every benchmark of the design's quality bars in one go, each with its baseline measured in the same run:
 * intake ({@link IntakeBench}, against bare parsing), worksheet ({@link WorksheetBench}, portal layout, against
 * rendering alone), bundle ({@link BundleBench}, against SHA-256 of the same bytes), QR photos
 * ({@link QrBench}, against zbarimg), CID entry under concurrent operators ({@link LoadBench}, against the same work
 * by one operator alone) and cold start ({@link ColdStartBench}, against the JVM starting the command line alone).
 * {@link PerformanceRecord} turns the {@link Report} into the generated part of
 * {@code docs/performance.md}.
 */
public final class AllBenchmarks {
    /**
     * How big each benchmark is.
     *
     * @param intakeMachines machines in the intake request file
     * @param worksheetMachines machines on the worksheet
     * @param bundleEntries entries in the bundle
     * @param qrPhotos photos in the QR corpus
     * @param qrSeed the QR corpus seed
     * @param runs measured runs of the intake, worksheet and bundle steps
     * @param warmups uncounted warm-up runs of those steps
     * @param coldStartRestarts measured first starts (each on an empty home), restarts and runs of the JVM baseline
     * @param load the load run: operators at once, files and machines each, exports
     */
    public record Sizes(int intakeMachines, int worksheetMachines, int bundleEntries, int qrPhotos, long qrSeed,
            int runs, int warmups, int coldStartRestarts, LoadSettings load) {
        /**
         * The sizes the design's bars name (10,000 / 1,000 / 10,000, 50 operators), 150 photos, 5 runs after 2
         * warm-ups, 5 restarts.
         */
        public static final Sizes BARS = new Sizes(10_000, 1_000, 10_000, 150, 42, 5, 2, 5,
                LoadSettings.standard());

        /** True when the intake, worksheet, bundle and load sizes are the ones the bars name. */
        public boolean barSizes() {
            return intakeMachines == BARS.intakeMachines && worksheetMachines == BARS.worksheetMachines
                    && bundleEntries == BARS.bundleEntries && load.operators() == BARS.load.operators();
        }

        /** The load baseline: one operator doing one operator's share of the same work, no export. */
        LoadSettings soloLoad() {
            return new LoadSettings(1, load.filesPerOperator(), load.machinesPerFile(), 0, load.lab(),
                    load.seed());
        }
    }

    /**
     * What one run of every benchmark measured.
     *
     * @param sizes the sizes used
     * @param machine the machine, with its load average when the run started
     * @param loadAverageAtEnd the load average when the run ended
     * @param started when the run started
     * @param finished when it ended
     * @param intake intake figures
     * @param worksheet worksheet figures (portal layout)
     * @param bundle bundle figures
     * @param qr QR figures ({@code qr.zbar()} is null when zbarimg is not installed)
     * @param load CID entry (and intake and exports) by the concurrent operators
     * @param soloLoad the same work by one operator alone: the baseline of {@code load}
     * @param coldStart cold start and heap figures
     */
    public record Report(Sizes sizes, MachineInfo machine, String loadAverageAtEnd, Instant started, Instant finished,
            IntakeBench.Result intake, WorksheetBench.Result worksheet, BundleBench.Result bundle,
            QrBench.Result qr, LoadResult load, LoadResult soloLoad, ColdStartBench.Result coldStart) {
    }

    /** PBKDF2 iterations of the load operators' secrets: sign-in is not measured, so a low count saves time. */
    static final int LOAD_SECRET_ITERATIONS = 1_000;

    private final Sizes sizes;
    private final Path workDir;
    private final String zbarimg;
    private final ColdStartBench coldStart;
    private final Clock clock;

    /**
     * @param sizes how big each benchmark is
     * @param workDir folder for the temporary databases, bundles, photos and the cold-start home (each benchmark
     *     deletes what it made)
     * @param zbarimg the zbarimg command (when it cannot be started the QR comparison is reported as not made)
     * @param coldStart the cold-start benchmark, set up with the JVM and class path to launch
     * @param clock clock for the start and end times of the record
     */
    public AllBenchmarks(Sizes sizes, Path workDir, String zbarimg, ColdStartBench coldStart, Clock clock) {
        this.sizes = sizes;
        this.workDir = workDir;
        this.zbarimg = zbarimg;
        this.coldStart = coldStart;
        this.clock = clock;
    }

    /** Runs every benchmark in turn, telling {@code progress} which one starts. */
    public Report run(Consumer<String> progress) {
        Instant started = clock.instant();
        MachineInfo machine = MachineInfo.current();
        progress.accept("intake: " + sizes.intakeMachines() + " machines");
        IntakeBench.Result intake = new IntakeBench(sizes.intakeMachines(), sizes.warmups(), sizes.runs(),
                workDir.resolve("intake")).run();
        progress.accept("worksheet: " + sizes.worksheetMachines() + " machines, portal layout");
        WorksheetBench.Result worksheet = new WorksheetBench(sizes.worksheetMachines(), ActivationChannel.PORTAL,
                sizes.warmups(), sizes.runs(), workDir.resolve("worksheet")).run();
        progress.accept("bundle: " + sizes.bundleEntries() + " entries");
        BundleBench.Result bundle = new BundleBench(sizes.bundleEntries(), sizes.warmups(), sizes.runs(),
                workDir.resolve("bundle")).run();
        progress.accept("QR: " + sizes.qrPhotos() + " photos, Gapdesk and " + zbarimg);
        Path photos = workDir.resolve("qr-photos");
        QrBench.Result qr;
        try {
            qr = new QrBench(sizes.qrSeed(), sizes.qrPhotos(), photos, zbarimg).run();
        } finally {
            IntakeBench.deleteTree(photos);
        }
        progress.accept("CID entry: " + sizes.load().operators() + " operators at once, then one alone");
        // an uncounted warm-up of the same size first, in a kiosk of its own so the measured record holds only the
        // measured run's writes
        LoadBench.runServed(workDir.resolve("load-warm-home"), sizes.load(), LOAD_SECRET_ITERATIONS, false);
        LoadResult load = LoadBench.runServed(workDir.resolve("load-home"), sizes.load(),
                LOAD_SECRET_ITERATIONS, false);
        LoadResult solo = LoadBench.runServed(workDir.resolve("load-solo-home"), sizes.soloLoad(),
                LOAD_SECRET_ITERATIONS, false);
        progress.accept("cold start: " + sizes.coldStartRestarts() + " first starts and as many restarts in "
                + ColdStartBench.HEAP_LIMIT);
        ColdStartBench.Result cold = coldStart.run();
        for (String sub : new String[] {"intake", "worksheet", "bundle", "load-warm-home", "load-home",
            "load-solo-home"}) {
            IntakeBench.deleteTree(workDir.resolve(sub));
        }
        return new Report(sizes, machine, MachineInfo.loadAverageNow(), started, clock.instant(), intake, worksheet,
                bundle, qr, load, solo, cold);
    }
}
