package org.gapdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gapdesk.activation.Product;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.intake.FileParser;
import org.gapdesk.intake.FileRejectedException;
import org.gapdesk.intake.FormatDetector;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.ParsedFile;
import org.gapdesk.intake.Parsers;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.store.Database;

/**
 * The intake bar of the design: a request file of N machines (one Windows MAK product each, synthetic IIDs)
 * measured two ways on the same bytes:
 * <ul>
 * <li><b>bare parsing</b>: the parser {@link FormatDetector} picks from {@link Parsers#standard()} reads the
 * bytes into entries;
 * <li><b>end to end</b>: {@link IntakeService#commit} parses, validates, plans and stores every entry in one
 * transaction into a fresh H2 file database (opened and migrated before the clock starts, closed and deleted
 * after it stops).
 * </ul>
 * Warm-up runs go first and are not counted. Besides wall-clock time it records the measuring thread's CPU
 * time, which other processes on a shared machine disturb much less.
 */
public final class IntakeBench {
    /** Seed of the synthetic IIDs. */
    public static final long SEED = 10_000L;
    /** Lab code written into the file. */
    public static final String LAB = "LAB-BENCH";

    /**
     * What a run measured.
     *
     * @param machines machines (and IIDs) in the file
     * @param fileBytes size of the file
     * @param parse bare parsing times (wall clock)
     * @param endToEnd end-to-end commit times (wall clock)
     * @param parseCpu CPU time of the measuring thread while parsing
     * @param endToEndCpu CPU time of the measuring thread while committing (H2 works in the caller's thread;
     *     garbage collector threads are not counted)
     */
    public record Result(int machines, int fileBytes, Timings parse, Timings endToEnd, Timings parseCpu,
            Timings endToEndCpu) {
        /** Median end to end divided by median bare parsing. */
        public double ratio() {
            return endToEnd.median() / parse.median();
        }
    }

    private final int machines;
    private final int warmups;
    private final int runs;
    private final Path workDir;

    /**
     * @param machines machines in the generated file
     * @param warmups uncounted runs of each step before measuring
     * @param runs measured runs of each step
     * @param workDir folder for the temporary databases (each run gets its own sub-folder, deleted after)
     */
    public IntakeBench(int machines, int warmups, int runs, Path workDir) {
        if (machines < 1 || warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need at least 1 machine and 1 measured run");
        }
        this.machines = machines;
        this.warmups = warmups;
        this.runs = runs;
        this.workDir = workDir;
    }

    /** The generated request file: {@code machines} machines, each with one Windows MAK product. */
    public static UploadedFile requestFile(int machines) {
        SyntheticIds ids = new SyntheticIds(SEED);
        RequestFileBuilder b = new RequestFileBuilder(LAB).collectedAt("2026-11-20T09:30:00Z")
                .collector("gapdesk bench (synthetic data)");
        for (int i = 1; i <= machines; i++) {
            b.machine(new MachineEntry(String.format("BENCH-%05d", i), false, List.of(new ProductEntry(
                    DemoLab.WINDOWS_MAK_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                    "Volume MAK channel (benchmark data)", "Volume:MAK", "BENCH", 5, ids.iid63()))));
        }
        return new UploadedFile("bench-" + machines + ".json", b.toBytes(false));
    }

    /** Runs both measurements. */
    public Result run() {
        UploadedFile file = requestFile(machines);
        FormatDetector detector = new FormatDetector(Parsers.standard());
        FileParser parser = detector.detect(file);
        if (parser == null) {
            throw new IllegalStateException("no parser recognizes the generated request file");
        }
        IntakeDefaults defaults = new IntakeDefaults(LAB);
        List<Double> parse = new ArrayList<>();
        List<Double> parseCpu = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            ParsedFile parsed = parseOnce(parser, file, defaults);
            double ms = (System.nanoTime() - start) / 1e6;
            double cpuMs = (cpuNanos() - cpu) / 1e6;
            check(parsed.entries().size(), "parsed entries");
            if (i >= warmups) {
                parse.add(ms);
                parseCpu.add(cpuMs);
            }
        }
        List<Double> endToEnd = new ArrayList<>();
        List<Double> endToEndCpu = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            double[] ms = commitOnce(detector, file, defaults, i);
            if (i >= warmups) {
                endToEnd.add(ms[0]);
                endToEndCpu.add(ms[1]);
            }
        }
        return new Result(machines, file.bytes().length, new Timings(parse), new Timings(endToEnd),
                new Timings(parseCpu), new Timings(endToEndCpu));
    }

    /** CPU time of the current thread, or 0 where the JVM cannot measure it. */
    static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private static ParsedFile parseOnce(FileParser parser, UploadedFile file, IntakeDefaults defaults) {
        try {
            return parser.parse(file, defaults, IntakeLimits.DEFAULT);
        } catch (FileRejectedException e) {
            throw new IllegalStateException("the generated request file was rejected: " + e.getMessage(), e);
        }
    }

    /** One commit into a fresh database: wall and CPU milliseconds. */
    private double[] commitOnce(FormatDetector detector, UploadedFile file, IntakeDefaults defaults, int run) {
        Path dir = workDir.resolve("run-" + run);
        try {
            Files.createDirectories(dir);
            double[] ms = new double[2];
            try (Database db = Database.openH2(dir)) {
                IntakeService intake = new IntakeService(db, detector, IntakeLimits.DEFAULT, Clock.systemUTC());
                long cpu = cpuNanos();
                long start = System.nanoTime();
                ImportResult result = intake.commit(List.of(file), defaults, "bench");
                ms[0] = (System.nanoTime() - start) / 1e6;
                ms[1] = (cpuNanos() - cpu) / 1e6;
                check(result.createdRequestIds().size(), "stored requests");
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private void check(int count, String what) {
        if (count != machines) {
            throw new IllegalStateException(what + ": " + count + ", expected " + machines);
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
