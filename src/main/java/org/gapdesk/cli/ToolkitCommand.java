package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.lab.LabToolkit;
import org.gapdesk.lab.PinnedKey;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.signing.Sha256;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk toolkit}: writes the lab toolkit zip with this kiosk's public key pinned into it. */
@Command(name = "toolkit", mixinStandardHelpOptions = true,
        description = {"Write the lab toolkit zip: Collect-Gapdesk.ps1, Apply-GapdeskBundle.ps1 and the slmgr"
                + " fallback for Windows PowerShell 5.1, with this kiosk's public key pinned (PEM, DER, .NET XML),"
                + " SHA256SUMS and its signature.",
                "Prints the zip's SHA-256 and the key fingerprint: compare them in the lab before installing"
                        + " (docs/lab-toolkit.md). The same key and lab always give the same bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:could not write the file", "2:wrong command line"})
public final class ToolkitCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "The zip file to write.")
    Path out;

    @Option(names = "--lab", paramLabel = "L",
            description = "Build the toolkit for lab L (default: a toolkit that asks for -Lab).")
    String lab;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new CliException(out + " is a folder; give the zip file to write, e.g. --out "
                    + out.resolve(LabToolkit.zipName(lab)), CommandLine.ExitCode.USAGE);
        }
        PrintWriter stdout = context.out();
        try (Kiosk kiosk = context.openKiosk()) {
            if (lab != null && kiosk.config().site().lab(lab) == null) {
                context.err().println("gapdesk: warning: lab " + lab + " is not listed in site.json");
            }
            KioskKey key = kiosk.key();
            byte[] zip = LabToolkit.zip(PinnedKey.of(key.publicKey()), kiosk.config().site().kioskId(), lab,
                    key::sign);
            write(out, zip);
            stdout.println("Lab toolkit written to " + out.toAbsolutePath());
            stdout.println("  SHA-256 of the zip:   " + Sha256.hex(zip));
            stdout.println("  kiosk key fingerprint: " + key.fingerprint());
            stdout.println("  lab:                   " + (lab == null ? "(any: the scripts ask for -Lab)" : lab));
            stdout.println("In the lab, before installing: Get-FileHash the zip and kiosk-public.der and compare"
                    + " them with these and with the fingerprint on the worksheets.");
            stdout.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    private static void write(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + e.getMessage());
        }
    }

}
