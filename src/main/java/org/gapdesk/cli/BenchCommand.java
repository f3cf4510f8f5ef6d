package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gapdesk.bench.IntakeBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench}: the benchmarks behind the design's quality bars. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the design's quality bars (they use temporary databases, never the kiosk's).",
        subcommands = {BenchCommand.Intake.class, BenchWorksheetCommand.class, BenchBundleCommand.class,
                BenchQrCommand.class, BenchLoadCommand.class, BenchAllCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand extends CommandGroup {
    /** {@code gapdesk bench intake}. */
    @Command(name = "intake", mixinStandardHelpOptions = true,
            description = {"Intake of a generated request file (synthetic IIDs, one Windows MAK product per"
                    + " machine):",
                    "bare parsing of the bytes, and end to end (parse, validate, plan, store in one transaction into"
                            + " a fresh H2 file database).",
                    "Bars: end to end under 2 s for 10,000 machines, and within 4x of bare parsing."})
    static final class Intake implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--machines", paramLabel = "N", defaultValue = "10000",
                description = "Machines in the file (default: ${DEFAULT-VALUE}).")
        int machines;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
                description = "Measured runs of each step (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
                description = "Uncounted warm-up runs of each step first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Folder for the temporary databases (default: a new temporary folder).")
        Path workDir;

        @Override
        public Integer call() throws IOException {
            BenchRuns.check(spec, "--machines", machines, runs, warmup);
            PrintWriter out = spec.commandLine().getOut();
            IntakeBench.Result r = BenchRuns.inWorkDir(workDir, dir -> {
                out.println("Intake benchmark: " + machines + " machines, " + warmup + " warm-up and " + runs
                        + " measured runs per step");
                out.flush();
                return new IntakeBench(machines, warmup, runs, dir).run();
            });
            out.printf("file:          %,d bytes%n", r.fileBytes());
            out.println("bare parsing:  " + r.parse());
            out.println("end to end:    " + r.endToEnd());
            out.printf("thread CPU:    parsing median %.1f ms, min %.1f ms; end to end median %.1f ms, min %.1f ms%n",
                    r.parseCpu().median(), r.parseCpu().min(), r.endToEndCpu().median(), r.endToEndCpu().min());
            out.printf("ratio:         %.2fx (end to end / bare parsing, medians)%n", r.ratio());
            if (machines == 10_000) {
                out.printf("bars:          end to end under 2000 ms: %s; within 4x of parsing: %s%n",
                    r.endToEnd().median() < 2000 ? "met" : "MISSED", r.ratio() <= 4 ? "met" : "MISSED");
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }
}
