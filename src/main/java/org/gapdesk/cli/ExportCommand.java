package org.gapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.BundleRecord;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.config.Lab;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gapdesk export}: writes a signed return bundle of a lab's confirmed requests to a folder or a zip,
 * reads it back and verifies it, then records the requests as exported.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a signed return bundle: every confirmed request of the lab (or of one batch),"
                + " numbered with the lab's next sequence.",
                "The bundle is written (each file flushed to the device), read back and verified before the"
                        + " requests are recorded as exported. Prints the sequence, the entry count, where it was"
                        + " written and the SHA-256 of its manifest.",
                "A failed write marks no request exported; its number is never used again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:bundle written, verified and recorded",
                "1:nothing exported: nothing to export, an unusable folder, a failed write (see the message)",
                "2:wrong command line"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Option(names = "--lab", paramLabel = "L", required = true, description = "The lab to export for.")
    String lab;

    @Option(names = "--batch", paramLabel = "B",
            description = "Only the confirmed requests of worksheet batch B (default: every confirmed request).")
    Long batch;

    @Option(names = "--again", paramLabel = "N",
            description = "Write the lab's existing bundle number N again, byte for byte (nothing is recorded).")
    Long again;

    @ArgGroup(exclusive = true)
    Destination destination;

    /** Where the bundle goes; the kiosk's spool folder when neither is given. */
    static final class Destination {
        @Option(names = "--out", paramLabel = "DIR",
                description = "Folder (e.g. the USB drive) to write the bundle folder gapdesk-bundle-<LAB>-<SEQ>"
                        + " into (default: HOME/spool).")
        Path out;

        @Option(names = "--zip", paramLabel = "FILE", description = "Write the bundle as this zip file instead.")
        Path zip;
    }

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Name recorded on every change" + CliOperator.OPTION_HELP)
    String operator;

    @Override
    public Integer call() {
        if (again != null && batch != null) {
            throw new CommandLine.ParameterException(context.commandLine(), "--again writes an existing bundle;"
                    + " it takes no --batch");
        }
        PrintWriter out = context.out();
        try (Kiosk kiosk = context.openKiosk()) {
            String who = context.operator(kiosk, operator, Role.OPERATOR);
            Lab known = kiosk.config().site().lab(lab);
            String code = known != null ? known.code() : lab.strip();
            if (known == null) {
                context.err().println("gapdesk: warning: lab " + code + " is not listed in site.json");
            }
            Path zip = destination != null ? destination.zip : null;
            Path folder = destination != null && destination.out != null ? destination.out : kiosk.home().spool();
            ExportResult r;
            try {
                if (again != null) {
                    BundleRecord rec = kiosk.bundles().find(code, again).orElseThrow(() -> new CliException(
                            "there is no bundle " + code + " #" + again));
                    r = zip != null ? kiosk.bundles().rewriteZipFile(rec.id(), zip)
                            : kiosk.bundles().rewriteToFolder(rec.id(), folder);
                } else {
                    r = zip != null ? kiosk.bundles().exportZipFile(code, batch, who, zip)
                            : kiosk.bundles().exportToFolder(code, batch, who, folder);
                }
            } catch (BundleException e) {
                throw new CliException(e.getMessage());
            }
            print(out, r);
            if (!r.changedMeanwhile().isEmpty()) {
                context.err().println("gapdesk: warning: requests " + r.changedMeanwhile()
                        + " changed while the bundle was written and stay confirmed; they go into the next bundle");
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    private static void print(PrintWriter out, ExportResult r) {
        BundleRecord b = r.bundle();
        out.println((r.rewritten() ? "Bundle written again: " : "Bundle exported: ") + b.label());
        out.println("Sequence:         " + b.sequence());
        out.println("Entries:          " + b.entryCount());
        out.println((r.fileName().endsWith(".zip") ? "Zip:              " : "Folder:           ")
                + r.path() + " (read back and verified)");
        out.println("Manifest SHA-256: " + r.manifestSha256());
        out.println("Signed by key:    " + KeyFingerprint.group(b.keyFingerprint()) + " (compare with the worksheet)");
        if (!r.rewritten()) {
            out.println(r.exportedRequestIds().size() + " requests recorded as exported by " + b.createdBy() + ".");
        }
    }
}
