package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gapdesk.bench.BundleBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench bundle}. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Signed return bundle of N confirmed requests (synthetic IIDs and CIDs, stored into a fresh"
                + " H2 file database first, not timed):",
                "export end to end (select, number, render, sign, write durably, read back and verify, record the"
                        + " requests as exported) and verification of the folder written.",
                "Bar: under 1 s each for 10,000 entries."})
final class BenchBundleCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--entries", paramLabel = "N", defaultValue = "10000",
            description = "Entries in the bundle (default: ${DEFAULT-VALUE}).")
    int entries;

    @Mixin
    BenchRuns timing;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Folder for the temporary databases and bundles (default: a new temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        BenchRuns.check(spec, "--entries", entries, timing.runs, timing.warmup);
        PrintWriter out = spec.commandLine().getOut();
        BundleBench.Result r = BenchRuns.inWorkDir(workDir, dir -> {
            out.println("Bundle benchmark: " + entries + " entries, " + timing.warmup + " warm-up and " + timing.runs
                    + " measured runs");
            out.flush();
            return new BundleBench(entries, timing.warmup, timing.runs, dir).run();
        });
        out.printf("bundle:        %,d bytes in five files; %,d bytes as a zip%n", r.folderBytes(), r.zipBytes());
        out.println("export:        " + r.export());
        out.println("verify:        " + r.verify());
        out.printf("thread CPU:    export median %.1f ms, min %.1f ms; verify median %.1f ms, min %.1f ms%n",
                r.exportCpu().median(), r.exportCpu().min(), r.verifyCpu().median(), r.verifyCpu().min());
        if (entries == 10_000) {
            out.printf("bars:          export under 1000 ms: %s; verify under 1000 ms: %s%n",
                    r.export().median() < 1000 ? "met" : "MISSED", r.verify().median() < 1000 ? "met" : "MISSED");
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
