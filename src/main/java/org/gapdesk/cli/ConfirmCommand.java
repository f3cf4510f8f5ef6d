package org.gapdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.confirm.ConfirmResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gapdesk confirm IID CID}: records a Confirmation ID for the request that holds the IID, as call mode
 * does. A failed block check digit or a different CID already on record stops it until the operator says so
 * with {@code --override-check} or {@code --replace}.
 */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Record the Confirmation ID that Microsoft gave for an Installation ID.",
                "The IID and CID may be written with spaces or hyphens (quote them if they hold spaces).",
                "The CID goes to the request holding the IID (the open one, else the newest); a CID already on"
                        + " record for the IID is kept until --replace says otherwise."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stored (or the same CID was already on record)",
                "1:could not run (the kiosk database is in use, ...)",
                "2:not stored: refused (malformed IID or CID, no such request, ...), a block failed its check digit"
                        + " (re-listen, then --override-check), or a different CID is on record (--replace);"
                        + " also a wrong command line"})
public final class ConfirmCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;

    @Parameters(index = "0", paramLabel = "IID", description = "The Installation ID (63, 54 or 50 digits).")
    String iid;

    @Parameters(index = "1", paramLabel = "CID", description = "The Confirmation ID (48 digits, blocks A to H).")
    String cid;

    @Option(names = "--override-check",
            description = "Keep blocks that fail their check digit: only after re-listening to them. Recorded.")
    boolean overrideCheck;

    @Option(names = "--replace", description = "Replace a different CID already on record (the old one stays in the"
            + " history).")
    boolean replace;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Name recorded on the change" + CliOperator.OPTION_HELP)
    String operator;

    @Override
    public Integer call() {
        String who;
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        ConfirmResult r;
        try (Kiosk kiosk = context.openKiosk()) {
            who = context.operator(kiosk, operator, Role.OPERATOR);
            r = kiosk.confirmations().confirmByIid(iid, cid, overrideCheck, replace, who);
        }
        String request = r.requestId() == null ? "" : "request " + r.requestId() + ": ";
        if (r.status().stored()) {
            out.println(Printable.of(request + r.message() + " (by " + who + ")"));
            out.flush();
            return CommandLine.ExitCode.OK;
        }
        err.println(Printable.of("gapdesk: not stored: " + request + r.message()));
        if (r.status() == ConfirmStatus.CHECK_WARNING) {
            err.println("gapdesk: re-listen to block" + (r.failedBlocks().size() == 1 ? " " : "s ")
                    + String.join(", ", r.failedBlocks().stream().map(String::valueOf).toList())
                    + "; if it is right as read, run again with --override-check (recorded in the history)");
        } else if (r.status() == ConfirmStatus.DIFFERENT_CID_ON_RECORD) {
            err.println("gapdesk: to replace the CID on record, run again with --replace"
                    + (r.failedBlocks().isEmpty() ? "" : " --override-check")
                    + " (the old one stays in the history)");
        }
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }
}
