package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.audit.AuditCsv;
import org.gapdesk.audit.AuditEntry;
import org.gapdesk.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk audit}: check the hash chain, print its head, export it as CSV. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The hash-chained audit log: verify it, print its head hash, export it as CSV.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.Export.class,
                CommandLine.HelpCommand.class})
public final class AuditCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the chain from the first entry. Exit 0 when intact; 1 when broken, naming the first"
                    + " entry that was edited, deleted or moved.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                AuditVerification v = kiosk.audit().verify();
                if (v.intact()) {
                    context.out().println(v.describe());
                    context.out().flush();
                    return CommandLine.ExitCode.OK;
                }
                context.err().println("gapdesk: " + Printable.of(v.describe()));
                context.err().flush();
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = {"Print the newest entry's number and hash. Write it down (or keep a worksheet that shows"
                    + " it): someone able to rewrite the whole database could rebuild a consistent chain, but not"
                    + " one that continues from a head you noted earlier."})
    static final class Head implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                List<AuditEntry> latest = kiosk.audit().latest(1);
                PrintWriter out = context.out();
                if (latest.isEmpty()) {
                    out.println("The audit log is empty.");
                } else {
                    AuditEntry e = latest.get(0);
                    out.println("entry " + e.seq() + " at " + e.at() + " hash " + e.hash());
                }
                out.flush();
                return CommandLine.ExitCode.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the whole log as CSV (oldest first, with the hashes; cells that a spreadsheet would"
                    + " read as a formula start with an apostrophe).")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                List<AuditEntry> all = kiosk.audit().all();
                Path target = out.toAbsolutePath();
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                try {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        AuditCsv.write(all, w);
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
                context.out().println("Wrote " + all.size() + " audit entries to " + out + ".");
                context.out().flush();
                return CommandLine.ExitCode.OK;
            }
        }
    }
}
