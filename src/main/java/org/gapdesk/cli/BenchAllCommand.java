package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gapdesk.bench.AllBenchmarks;
import org.gapdesk.bench.ColdStartBench;
import org.gapdesk.bench.PerformanceRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench all}. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Every benchmark in one go, each beside its bar and its baseline from the same run: intake,"
                + " worksheet, bundle export and verify, QR photos against zbarimg, cold start to the first page and"
                + " heap (the kiosk launched as a separate process in a 256 MB heap), and CID entry by 50 operators at"
                + " once"
                + " over HTTP (against one operator alone).",
                "Prints the generated record; with --out it replaces the block between the bench:all markers of that"
                        + " Markdown page (or adds it before the page's first section) and keeps everything else."})
final class BenchAllCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Markdown page to write the record into, e.g. docs/performance.md.")
    Path out;

    @Option(names = "--intake", paramLabel = "N", description = "Machines in the intake file (default: 10000).")
    int intake = AllBenchmarks.Sizes.BARS.intakeMachines();

    @Option(names = "--worksheet", paramLabel = "N", description = "Machines on the worksheet (default: 1000).")
    int worksheet = AllBenchmarks.Sizes.BARS.worksheetMachines();

    @Option(names = "--bundle", paramLabel = "N", description = "Entries in the bundle (default: 10000).")
    int bundle = AllBenchmarks.Sizes.BARS.bundleEntries();

    @Option(names = "--photos", paramLabel = "N", description = "Photos in the QR corpus (default: 150).")
    int photos = AllBenchmarks.Sizes.BARS.qrPhotos();

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs of intake, worksheet and bundle"
            + " (default: 5).")
    int runs = AllBenchmarks.Sizes.BARS.runs();

    @Option(names = "--warmup", paramLabel = "N", description = "Uncounted warm-up runs first (default: 2).")
    int warmup = AllBenchmarks.Sizes.BARS.warmups();

    @Option(names = "--restarts", paramLabel = "N", description = "Cold starts of each kind: first starts (each"
            + " on an empty home folder) and restarts (default: 5).")
    int restarts = AllBenchmarks.Sizes.BARS.coldStartRestarts();

    @Option(names = "--zbarimg", paramLabel = "CMD", defaultValue = "zbarimg",
            description = "The zbarimg command (default: ${DEFAULT-VALUE}).")
    String zbarimg;

    @Override
    public Integer call() throws IOException {
        if (intake < 1 || worksheet < 1 || bundle < 1 || photos < 1 || runs < 1 || warmup < 0 || restarts < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "sizes, --runs and --restarts must be at least 1, --warmup at least 0");
        }
        AllBenchmarks.Sizes sizes = new AllBenchmarks.Sizes(intake, worksheet, bundle, photos,
                AllBenchmarks.Sizes.BARS.qrSeed(), runs, warmup, restarts, AllBenchmarks.Sizes.BARS.load());
        PrintWriter w = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("gapdesk-bench-all");
        AllBenchmarks.Report report;
        try {
            report = new AllBenchmarks(sizes, dir, zbarimg, ColdStartBench.ofThisJvm(restarts, dir),
                    Clock.systemUTC()).run(step -> {
                        w.println("running " + step);
                        w.flush();
                    });
        } finally {
            Files.deleteIfExists(dir);
        }
        String block = PerformanceRecord.markdown(report, "java -jar gapdesk.jar "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        if (out == null) {
            w.print(block);
        } else {
            String page = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Performance\n";
            Files.writeString(out, PerformanceRecord.splice(page, block), StandardCharsets.UTF_8);
            w.println("Record written into " + out);
        }
        w.flush();
        return CommandLine.ExitCode.OK;
    }
}
