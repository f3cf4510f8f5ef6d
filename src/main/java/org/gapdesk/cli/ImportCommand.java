package org.gapdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.intake.FilePreview;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.Outcome;
import org.gapdesk.intake.PlannedEntry;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gapdesk import}: imports request files as the kiosk's import page does, prints what happened to
 * every file and entry, and exits 2 when anything was rejected.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import request files: Gapdesk request files (JSON), CSV with a header, captured"
                + " slmgr /dti or ospp.vbs /dinstid text, VAMT .cil/.cilx.",
                "Prints, per file, its format or why it was rejected, and per entry: where it stood, the machine,"
                        + " the product, the IID, the outcome and the reason; then a summary.",
                "Everything that can be stored is stored, in one transaction. A file that cannot be read is"
                        + " rejected whole and nothing of it is stored; the other files still go in."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was read and every entry stored or already known",
                "1:nothing imported: a FILE could not be read, or the kiosk database is in use",
                "2:at least one file or entry was rejected (everything else was stored);"
                        + " also a wrong command line (nothing imported)"})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Option(names = "--lab", paramLabel = "L",
            description = "Lab code for files that carry none (CSV without a lab column, captured text).")
    String lab;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Name recorded on every change" + CliOperator.OPTION_HELP)
    String operator;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() {
        List<UploadedFile> uploads = new ArrayList<>();
        for (Path file : files) {
            uploads.add(read(file, IntakeLimits.DEFAULT));
        }
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        try (Kiosk kiosk = context.openKiosk()) {
            String who = context.operator(kiosk, operator, Role.OPERATOR);
            if (lab != null && kiosk.config().site().lab(lab) == null) {
                err.println("gapdesk: warning: lab " + lab + " is not listed in site.json");
            }
            ImportResult result = kiosk.intake().commit(uploads, new IntakeDefaults(lab), who);
            ImportPreview preview = result.preview();
            for (FilePreview file : preview.files()) {
                print(out, file);
            }
            out.println();
            out.println("Imported as " + who + ": " + preview.summary() + ".");
            int stored = result.createdRequestIds().size();
            out.println(stored + (stored == 1 ? " request" : " requests") + " stored"
                    + (preview.supersededCount() > 0 ? ", " + preview.supersededCount() + " older requests superseded"
                            : "") + ".");
            out.flush();
            if (preview.anyRejected()) {
                long files = preview.files().stream().filter(FilePreview::rejected).count();
                long entries = preview.count(Outcome.REJECTED);
                String what = (files > 0 ? files + (files == 1 ? " file" : " files") : "")
                        + (files > 0 && entries > 0 ? " and " : "")
                        + (entries > 0 ? entries + (entries == 1 ? " entry" : " entries") : "");
                err.println("gapdesk: rejected " + what + " (see above); everything else was stored");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            return CommandLine.ExitCode.OK;
        }
    }

    private static void print(PrintWriter out, FilePreview file) {
        out.println();
        String name = Printable.of(file.fileName());
        if (file.rejected()) {
            out.println(name + ": REJECTED whole, nothing of it stored");
            out.println("  " + Printable.of(file.rejection()));
            return;
        }
        out.println(name + " (" + file.format() + ", " + file.entries().size()
                + (file.entries().size() == 1 ? " entry" : " entries") + ")");
        for (PlannedEntry e : file.entries()) {
            String machine = e.machine().name().isEmpty() ? "(no machine)" : e.machine().name();
            String product = e.product().name().isEmpty() ? "(product not named)" : e.product().name();
            out.println(Printable.of("  " + e.where() + "  " + e.machine().lab() + " " + machine
                    + (e.machine().alias() ? " (alias)" : "") + "  " + product
                    + (e.product().channel() != null ? " [" + e.product().channel() + "]" : "")));
            out.println(Printable.of("      " + (e.iid() != null ? "IID " + e.iid().grouped() + "  ->  " : "-> ")
                    + e.outcome().label() + ": " + e.reason()));
        }
        for (String note : file.notes()) {
            out.println("  note: " + Printable.of(note));
        }
    }

    /**
     * Reads a file for import: at most one byte over the size limit, so the intake rejects an oversized file
     * with its usual message without this reading all of it.
     */
    static UploadedFile read(Path file, IntakeLimits limits) {
        if (Files.isDirectory(file)) {
            throw new CliException("cannot import " + file + ": it is a folder; nothing imported");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            return new UploadedFile(file.getFileName().toString(), bytes);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot import " + file + ": no such file; nothing imported");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage() + "; nothing imported");
        }
    }
}
