package org.gapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.receipts.PlannedReceipt;
import org.gapdesk.receipts.ReceiptEffect;
import org.gapdesk.receipts.ReceiptFilePreview;
import org.gapdesk.receipts.ReceiptPreview;
import org.gapdesk.receipts.ResultsFileReader;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gapdesk receipts}: imports the lab's results files, prints what happened to every entry, and exits 2
 * when a file was rejected.
 */
@Command(name = "receipts", mixinStandardHelpOptions = true,
        description = {"Import lab results files (gapdesk-results-<LAB>-<SEQ>-<host>.json, written by"
                + " Apply-GapdeskBundle.ps1): applied requests become applied, failed ones failed with the reason"
                + " (a mistyped CID goes back to re-entry).",
                "Each file must match the bundle it names, entry for entry. A rejected file stores nothing; the"
                        + " others go in, all in one transaction. Importing a file again changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was read and stored (or was already on record)",
                "1:nothing imported: a FILE could not be read, or the kiosk database is in use",
                "2:at least one file was rejected (the others were stored); also a wrong command line"})
public final class ReceiptsCommand implements Callable<Integer> {
    private static final IntakeLimits READ_LIMIT = new IntakeLimits(ResultsFileReader.MAX_BYTES, 1, 1, 1);

    @Mixin
    CommandContext context;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Name recorded on every change" + CliOperator.OPTION_HELP)
    String operator;

    @Option(names = "--dry-run", description = "Show what importing would do; store nothing.")
    boolean dryRun;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Results files to import.")
    List<Path> files;

    @Override
    public Integer call() {
        List<UploadedFile> uploads = new ArrayList<>();
        for (Path file : files) {
            uploads.add(ImportCommand.read(file, READ_LIMIT));
        }
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        try (Kiosk kiosk = context.openKiosk()) {
            String who = dryRun ? null : context.operator(kiosk, operator, Role.OPERATOR);
            ReceiptPreview result = dryRun ? kiosk.receipts().preview(uploads) : kiosk.receipts().commit(uploads, who);
            for (ReceiptFilePreview f : result.files()) {
                print(out, f);
            }
            out.println();
            out.println((dryRun ? "Dry run, nothing stored: " : "Imported as " + who + ": ")
                    + result.count(ReceiptEffect.APPLIED) + " applied, " + result.count(ReceiptEffect.FAILED)
                    + " failed, " + result.count(ReceiptEffect.NOTED) + " skips noted, "
                    + result.count(ReceiptEffect.UNCHANGED) + " unchanged.");
            out.flush();
            if (result.anyRejected()) {
                long n = result.files().stream().filter(ReceiptFilePreview::rejected).count();
                err.println("gapdesk: rejected " + n + (n == 1 ? " file" : " files") + " (see above); "
                        + (dryRun ? "nothing was stored" : "the others were stored"));
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            return CommandLine.ExitCode.OK;
        }
    }

    private static void print(PrintWriter out, ReceiptFilePreview f) {
        out.println();
        String name = Printable.of(f.fileName());
        if (f.rejected()) {
            out.println(name + ": REJECTED whole, nothing of it stored");
            out.println("  " + Printable.of(f.rejection()));
            return;
        }
        out.println(Printable.of(name + " (" + f.lab() + " bundle #" + f.bundleSequence() + ", " + f.entries().size()
                + (f.entries().size() == 1 ? " entry" : " entries")
                + (f.sequenceOverride() ? ", applied with the lab's sequence override" : "")
                + (f.alreadyImported() ? ", already imported" : "") + ")"));
        for (PlannedReceipt e : f.entries()) {
            String states = e.from() == e.to() ? (e.to() == null ? "" : e.to().label())
                    : e.from().label() + " -> " + e.to().label();
            out.println(Printable.of("  " + e.where() + "  request " + e.requestId() + "  " + e.machine() + "  "
                    + e.outcome() + "  =>  " + e.effect().label() + " (" + states + "): " + e.message()));
        }
    }
}
