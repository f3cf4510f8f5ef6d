package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gapdesk.bench.LoadBench;
import org.gapdesk.bench.LoadResult;
import org.gapdesk.bench.LoadSettings;
import org.gapdesk.bench.ServedKiosk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench load}. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"CID entry under load: N operators signed in at once to a kiosk served on 127.0.0.1 (a fresh"
                + " temporary home), each importing small request files, then keying a CID for every request it"
                + " created (POST /api/confirm), a few also exporting a bundle halfway.",
                "Three runs, each in its own lab: a warm-up (flat out, not counted); the measured run, each operator"
                        + " keying a CID every --interval-ms; and a flat-out run (each operator sends its next CID"
                        + " as soon as the last is answered) that shows the kiosk's limit.",
                "Prints the CID-entry latency (p50, p99, max), the errors and every lost or doubled write found in"
                        + " the record read back. Bar (measured run): p99 under 20 ms with 50 operators, no error,"
                        + " no lost write."})
final class BenchLoadCommand implements Callable<Integer> {
    /** PBKDF2 iterations for the benchmark's own operators: sign-in is not what is measured. */
    static final int SECRET_ITERATIONS = 10_000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--operators", paramLabel = "N", defaultValue = "50",
            description = "Operators signed in at once, one thread each (default: ${DEFAULT-VALUE}).")
    int operators;

    @Option(names = "--files", paramLabel = "N", defaultValue = "2",
            description = "Request files each operator imports (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--machines", paramLabel = "N", defaultValue = "10",
            description = "Machines per file, one CID each (default: ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--exports", paramLabel = "N", defaultValue = "5",
            description = "Operators that also export a bundle (default: ${DEFAULT-VALUE}).")
    int exports;

    @Option(names = "--interval-ms", paramLabel = "MS", defaultValue = "500",
            description = "Each operator keys one CID every MS milliseconds in the measured run"
                    + " (default: ${DEFAULT-VALUE}; 0: flat out).")
    long intervalMillis;

    @Option(names = "--no-warmup", description = "Skip the uncounted warm-up run.")
    boolean noWarmup;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Folder for the temporary kiosk home (default: a new temporary folder, deleted after).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        LoadSettings settings;
        try {
            settings = new LoadSettings(operators, files, machines, exports, intervalMillis, LoadBench.LAB, 50L);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean ownDir = workDir == null;
        Path dir = ownDir ? Files.createTempDirectory("gapdesk-bench") : Files.createDirectories(workDir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Load benchmark: %d operators, %d files of %d machines each (%,d CIDs a run), %d exports a run;"
                + " %d processors, load average %.2f at the start%n", operators, files, machines,
                operators * files * machines, exports, Runtime.getRuntime().availableProcessors(), loadAverage());
        out.flush();
        LoadResult paced;
        LoadResult flat;
        try (ServedKiosk kiosk = ServedKiosk.open(dir.resolve("home"), SECRET_ITERATIONS)) {
            if (!noWarmup) {
                kiosk.run(settings.paced(0).forLab(LoadBench.LAB + "-WARM", 51L));
            }
            paced = kiosk.run(settings);
            print(out, (intervalMillis > 0 ? "measured, one CID per operator every " + intervalMillis + " ms"
                    : "measured, flat out"), paced);
            flat = intervalMillis > 0 ? kiosk.run(settings.paced(0).forLab(LoadBench.LAB + "-FLAT", 52L)) : paced;
            if (flat != paced) {
                print(out, "flat out, each operator's next CID sent as soon as the last is answered", flat);
            }
        } finally {
            if (ownDir) {
                delete(dir);
            }
        }
        out.printf("load average:  %.2f at the end (other work on this computer slows every figure above)%n",
                loadAverage());
        if (operators == 50) {
            out.printf("bar:           p99 under 20 ms, no error, no lost write (measured run): %s%n",
                    paced.barMet() ? "met" : "MISSED");
        }
        out.flush();
        boolean clean = paced.errors().isEmpty() && paced.integrity().isEmpty() && flat.errors().isEmpty()
                && flat.integrity().isEmpty();
        return clean ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    private static void print(PrintWriter out, String title, LoadResult r) {
        out.println(title + ":");
        out.printf("  run:          %.1f s, %d imports, %,d CIDs acknowledged, %d bundles (%.0f CIDs/s while keying)%n",
                r.seconds(), r.imports(), r.cidsAcknowledged(), r.bundles(), r.cidsPerSecond());
        out.println("  CID entry:    " + r.cidEntry());
        out.println("  errors:       " + r.errors().size());
        r.errors().stream().limit(10).forEach(e -> out.println("    " + e));
        out.println("  lost/doubled: " + r.integrity().size() + " (record read back: imports, requests, CIDs, events,"
                + " bundles, audit chain)");
        r.integrity().stream().limit(10).forEach(e -> out.println("    " + e));
        out.flush();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
