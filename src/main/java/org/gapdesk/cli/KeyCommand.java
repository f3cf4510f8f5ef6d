package org.gapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.config.KioskHome;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KeyRotator;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk key}: the kiosk signing key: show its fingerprint, export the public key, rotate it. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "The kiosk signing key (generated on first use in HOME/keys).",
        subcommands = {KeyCommand.Show.class, KeyCommand.Export.class, KeyCommand.Rotate.class,
                CommandLine.HelpCommand.class})
public final class KeyCommand extends CommandGroup {
    static String kioskId(KioskHome home) {
        return KioskConfig.load(home.config()).site().kioskId();
    }

    /**
     * The kiosk key from the home folder, made there on first use as the kiosk does; needs no database, so it
     * works while the kiosk is serving.
     */
    static KioskKey kioskKey(KioskHome home) {
        return KioskKey.exists(home.keys()) ? KioskKey.loadExisting(home.keys())
                : KioskKey.loadOrCreate(home.keys(), kioskId(home));
    }

    /** {@code gapdesk key show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the key's fingerprint (as on every worksheet), when it was made and its algorithm.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            PrintWriter out = context.out();
            KioskHome home = context.home();
            KioskKey k = kioskKey(home);
            out.println("Kiosk:        " + Printable.of(kioskId(home)));
            out.println("Fingerprint:  " + k.fingerprint());
            out.println("              (SHA-256 of the public key; the worksheets print the same digits)");
            out.println("Created:      " + k.createdAt());
            out.println("Algorithm:    " + k.algorithmDescription());
            out.println("Key folder:   " + home.keys());
            long retired = retiredKeys(home);
            if (retired > 0) {
                out.println("Retired keys: " + retired + " (rotated out; kept in " + home.keys().resolve(
                        KioskKey.RETIRED_DIR) + ")");
            }
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        private static long retiredKeys(KioskHome home) {
            try (var dirs = Files.list(home.keys().resolve(KioskKey.RETIRED_DIR))) {
                return dirs.filter(Files::isDirectory).count();
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** {@code gapdesk key export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the public key as PEM (for 'gapdesk verify --key', OpenSSL and the lab toolkit).",
                    "Check it against the worksheet: openssl pkey -pubin -in FILE.pem -outform DER | openssl dgst"
                            + " -sha256"})
    static final class Export implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--out", paramLabel = "FILE.pem", required = true, description = "File to write.")
        Path out;

        @Option(names = "--cert", description = "Write the self-signed X.509 certificate instead of the bare key.")
        boolean cert;

        @Override
        public Integer call() {
            KioskKey k = kioskKey(context.home());
            try {
                Files.writeString(out, cert ? k.certificatePem() : k.publicKeyPem(), StandardCharsets.US_ASCII);
                PrintWriter w = context.out();
                w.println("Wrote the " + (cert ? "certificate" : "public key") + " to " + out);
                w.println("Fingerprint: " + k.fingerprint());
                w.flush();
                return CommandLine.ExitCode.OK;
            } catch (IOException e) {
                throw new CliException("cannot write " + out + ": " + e.getMessage());
            }
        }
    }

    /** {@code gapdesk key rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replace the signing key with a new one. The old key is kept in HOME/keys/retired/<time>/"
                    + " and the rotation is recorded.",
                    "Every lab must then be given the new public key (and its fingerprint on paper) before it"
                            + " accepts new bundles; bundles already made stay signed by the old key."})
    static final class Rotate implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--operator", paramLabel = "NAME",
                description = "Name recorded with the rotation" + CliOperator.OPTION_HELP)
        String operator;

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                String who = context.operator(kiosk, operator, Role.ADMIN);
                KeyRotator.Rotation r = kiosk.rotateKey(who);
                PrintWriter out = context.out();
                out.println("Key rotated by " + Printable.of(who) + ".");
                if (r.oldFingerprint() != null) {
                    out.println("Old fingerprint: " + KeyFingerprint.group(r.oldFingerprint()));
                    out.println("Old key kept in: " + r.retiredTo());
                }
                out.println("New fingerprint: " + KeyFingerprint.group(r.newFingerprint()));
                out.println("Give every lab the new public key (gapdesk key export --out kiosk-public.pem) and"
                        + " reprint worksheets: they carry the fingerprint.");
                out.flush();
                return CommandLine.ExitCode.OK;
            }
        }
    }
}
