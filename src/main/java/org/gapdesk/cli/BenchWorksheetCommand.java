package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.bench.WorksheetBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gapdesk bench worksheet}. */
@Command(name = "worksheet", mixinStandardHelpOptions = true,
        description = {"Worksheet of N received requests (synthetic IIDs, imported into a fresh H2 file database"
                + " first, not timed):",
                "end to end (make the batch, move every request to 'on worksheet', render the PDF with embedded"
                        + " fonts) and rendering alone.",
                "Bars: under 3 s and under 2 MB for 1,000 machines."})
final class BenchWorksheetCommand implements Callable<Integer> {
    private static final long TWO_MB = 2L * 1024 * 1024;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--machines", paramLabel = "N", defaultValue = "1000",
            description = "Machines on the worksheet (default: ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--channel", paramLabel = "phone|portal", defaultValue = "portal",
            converter = WorksheetCommand.ChannelConverter.class,
            description = "Layout (default: ${DEFAULT-VALUE}, which adds a QR code per machine).")
    ActivationChannel channel;

    @Mixin
    BenchRuns timing;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Folder for the temporary databases (default: a new temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        BenchRuns.check(spec, "--machines", machines, timing.runs, timing.warmup);
        PrintWriter out = spec.commandLine().getOut();
        WorksheetBench.Result r = BenchRuns.inWorkDir(workDir, dir -> {
            out.println("Worksheet benchmark: " + machines + " machines, " + channel.key() + " channel, "
                    + timing.warmup + " warm-up and " + timing.runs + " measured runs");
            out.flush();
            return new WorksheetBench(machines, channel, timing.warmup, timing.runs, dir).run();
        });
        out.printf("pdf:           %,d bytes, %d pages%n", r.pdfBytes(), r.pages());
        out.println("end to end:    " + r.endToEnd());
        out.println("rendering:     " + r.render());
        if (machines == 1000) {
            out.printf("bars:          under 3000 ms: %s; under 2 MB: %s%n",
                    r.endToEnd().median() < 3000 ? "met" : "MISSED", r.pdfBytes() < TWO_MB ? "met" : "MISSED");
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
