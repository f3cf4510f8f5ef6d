package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.gapdesk.bundle.BundleVerifier;
import org.gapdesk.bundle.Manifest;
import org.gapdesk.bundle.VerificationResult;
import org.gapdesk.config.KioskHome;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.signing.Pem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gapdesk verify}: checks a bundle folder or zip against a trusted public key, as the lab does. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a bundle folder or zip: signature, files, sizes, SHA-256 digests, entries; and,"
                + " when asked, the lab and the sequence.",
                "Prints \"valid\" or the reason code and what is wrong (see docs/bundle-format.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the bundle is valid", "1:the bundle is not valid (the reason is printed)",
                "2:wrong command line"})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder, its manifest.json, or a bundle zip.")
    Path bundle;

    @Option(names = "--key", paramLabel = "PEM",
            description = "The trusted public key (PEM, as 'gapdesk key export' writes it, or the certificate)."
                    + " Default: this kiosk's key.")
    Path key;

    @Option(names = "--lab", paramLabel = "L", description = "The lab the bundle must be for.")
    String lab;

    @Option(names = "--last-sequence", paramLabel = "N",
            description = "The last sequence applied for the lab: the bundle's must be greater.")
    Long lastSequence;

    @Override
    public Integer call() {
        PublicKey trusted = key != null ? readKey(key) : kioskKey();
        VerificationResult r = new BundleVerifier().verify(bundle, trusted, lab, lastSequence);
        PrintWriter out = context.out();
        Manifest m = r.manifest();
        if (r.valid()) {
            out.println("valid: " + Printable.of(m.lab()) + " #" + m.sequence() + ", " + m.entryCount()
                    + (m.entryCount() == 1 ? " entry" : " entries") + ", kiosk " + Printable.of(m.kioskId()));
            out.println("Manifest SHA-256: " + r.manifestSha256());
            out.println("Signed by key:    " + KeyFingerprint.grouped(trusted));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
        out.println("NOT VALID: " + r.reason().code());
        out.println("  " + Printable.of(r.message()));
        out.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** This kiosk's public key, read from the home folder (no database needed, so it works while serving). */
    private PublicKey kioskKey() {
        KioskHome home = context.home();
        if (!KioskKey.exists(home.keys())) {
            throw new CliException("this kiosk has no key yet (" + home.keys() + "); give the trusted key with --key");
        }
        return KioskKey.loadExisting(home.keys()).publicKey();
    }

    private static PublicKey readKey(Path pem) {
        try {
            if (Files.size(pem) > 64 * 1024) {
                throw new CliException(pem + " is too large for a key file");
            }
            return Pem.readPublicKey(Files.readString(pem, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliException("cannot read the key " + pem + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(pem + ": " + e.getMessage());
        }
    }
}
