package org.gapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.licensing.LabAdvice;
import org.gapdesk.licensing.MachineCount;
import org.gapdesk.reports.RecordExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk report}: the record as CSV, and licensing advice per lab. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports: the compliance record as CSV, licensing advice per lab.",
        subcommands = {ReportCommand.Csv.class, ReportCommand.Advice.class})
public final class ReportCommand extends CommandGroup {
    /** {@code gapdesk report csv --out FILE}. */
    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = {"Write the record as CSV: one row per request (machine, lab, product, Activation ID, key"
                    + " channel, partial key, IID, state, CID, channel, dates, operator of the last change).",
                    "Safe to open in a spreadsheet (no cell is read as a formula)."})
    static final class Csv implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV.")
        Path out;

        @Override
        public Integer call() {
            if (Files.isDirectory(out)) {
                throw new CliException("--out " + out + " is a folder; name the CSV file", CommandLine.ExitCode.USAGE);
            }
            try (Kiosk kiosk = context.openKiosk()) {
                int rows = new RecordExport(kiosk.database(), kiosk.config().catalog()).writeFile(out);
                PrintWriter stdout = context.out();
                stdout.println("Wrote " + rows + (rows == 1 ? " request" : " requests") + " to "
                        + out.toAbsolutePath());
                stdout.flush();
            }
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code gapdesk report advice}. */
    @Command(name = "advice", mixinStandardHelpOptions = true,
            description = "Licensing advice per lab: machines by family and channel, KMS clients, KMS thresholds"
                    + " (25 clients / 5 servers), activations saved by stored CIDs.")
    static final class Advice implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--lab", paramLabel = "L", description = "Only this lab.")
        String lab;

        @Override
        public Integer call() {
            PrintWriter stdout = context.out();
            try (Kiosk kiosk = context.openKiosk()) {
                List<LabAdvice> all = kiosk.licensing().advisor().advice();
                List<LabAdvice> shown = lab == null ? all
                        : all.stream().filter(a -> a.lab().equalsIgnoreCase(lab)).toList();
                if (shown.isEmpty()) {
                    throw new CliException(lab == null ? "no labs in the site settings or the record"
                            : "no lab " + lab + " in the site settings or the record", CommandLine.ExitCode.USAGE);
                }
                for (LabAdvice a : shown) {
                    stdout.println(Printable.of(a.lab()) + (a.labName() == null ? "" : " (" + Printable.of(a.labName())
                            + ")"));
                    for (MachineCount m : a.machines()) {
                        stdout.println("  " + m.machines() + (m.machines() == 1 ? " machine: " : " machines: ")
                                + Printable.of(m.family()) + ", " + Printable.of(m.channel()));
                    }
                    stdout.println("  activations keyed: " + a.keyedActivations() + "; saved by stored CIDs: "
                            + a.savedByReuse());
                    for (String s : a.advice()) {
                        stdout.println("  - " + Printable.of(s));
                    }
                    stdout.println();
                }
                stdout.flush();
            }
            return CommandLine.ExitCode.OK;
        }
    }
}
