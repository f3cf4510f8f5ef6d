package org.gapdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.gapdesk.Kiosk;
import org.gapdesk.licensing.LicensingDesk;
import org.gapdesk.licensing.LicensingInputException;
import org.gapdesk.licensing.MakPool;
import org.gapdesk.licensing.MakStatus;
import org.gapdesk.licensing.RaisedAlert;
import org.gapdesk.mail.MailResult;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gapdesk mak}: the MAK pool: record a reading of a MAK's remaining count, list the pool. */
@Command(name = "mak", mixinStandardHelpOptions = true,
        description = {"The MAK pool: each MAK by its last five characters, its key group and the remaining count"
                + " read at VLSC, counted down locally.", "Gapdesk never stores a full product key."},
        subcommands = {MakCommand.Add.class, MakCommand.ListPool.class})
public final class MakCommand extends CommandGroup {
    /** {@code gapdesk mak add}: adds a MAK, or a new reading of one already in the pool. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record a MAK's remaining count as read at VLSC: adds the MAK to the pool, or a new"
                    + " reading of one already there (the local count-down restarts from it).",
                    "Enter only the last five characters of the key; a full product key is refused."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:recorded", "1:the kiosk database is in use, or another problem",
                    "2:a value was refused (nothing stored)"})
    static final class Add implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--last5", required = true, paramLabel = "XXXXX",
                description = "The last five characters of the MAK (A-Z, 0-9).")
        String last5;

        @Option(names = "--group", paramLabel = "GROUP",
                description = "Product key group, e.g. \"Windows 10/11 Enterprise\"; required for a new MAK.")
        String group;

        @Option(names = "--remaining", required = true, paramLabel = "N",
                description = "Remaining activations as VLSC shows them.")
        String remaining;

        @Option(names = "--read-on", required = true, paramLabel = "DATE",
                description = "When the count was read: YYYY-MM-DD, or YYYY-MM-DDTHH:MM (local time).")
        String readOn;

        @Option(names = "--operator", paramLabel = "NAME",
                description = "Name recorded with the reading" + CliOperator.OPTION_HELP)
        String operator;

        @Override
        public Integer call() {
            PrintWriter out = context.out();
            PrintWriter err = context.err();
            try (Kiosk kiosk = context.openKiosk()) {
                String who = context.operator(kiosk, operator, Role.ADMIN);
                LicensingDesk desk = kiosk.licensing();
                MakPool.Recorded r;
                try {
                    r = desk.pool().record(last5, group, remaining, readOn, who);
                } catch (LicensingInputException e) {
                    throw new CliException(e.getMessage(), CommandLine.ExitCode.USAGE);
                }
                out.println((r.newMak() ? "Added " : "New reading for ") + "MAK ending " + r.status().last5() + ".");
                out.println(Printable.of(r.status().summary()));
                out.flush();
                long wait = TimeUnit.SECONDS.toMillis(desk.alerts().mailSettings().timeoutSeconds() * 4L);
                for (RaisedAlert a : r.alerts()) {
                    MailResult mail = a.mail().completeOnTimeout(new MailResult(false,
                            "mail still pending when the command ended"), wait, TimeUnit.MILLISECONDS).join();
                    PrintWriter where = mail.sent() ? out : err;
                    where.println((mail.sent() ? "Alert mailed: " : "gapdesk: warning: alert not mailed: ")
                            + Printable.of(mail.message()));
                    where.flush();
                }
            }
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code gapdesk mak list}: the pool with its local counts. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the MAK pool: latest reading, activations keyed since, remaining now, status.")
    static final class ListPool implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            PrintWriter out = context.out();
            try (Kiosk kiosk = context.openKiosk()) {
                List<MakStatus> pool = kiosk.licensing().pool().statuses();
                if (pool.isEmpty()) {
                    out.println("The MAK pool is empty. Add a MAK: gapdesk mak add --last5 XXXXX --group GROUP"
                            + " --remaining N --read-on YYYY-MM-DD");
                    out.flush();
                    return CommandLine.ExitCode.OK;
                }
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"MAK", "KEY GROUP", "READ ON", "READING", "SINCE", "REMAINING", "STATUS"});
                for (MakStatus s : pool) {
                    rows.add(new String[] {s.last5(), Printable.of(s.keyGroup()), s.latest().readOn().toString(),
                        Integer.toString(s.latest().remaining()), Integer.toString(s.activationsSince()),
                        Long.toString(s.remainingNow()), s.level().label()});
                }
                int[] widths = new int[rows.get(0).length];
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        widths[i] = Math.max(widths[i], row[i].length());
                    }
                }
                for (String[] row : rows) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < row.length; i++) {
                        line.append(i == 0 ? "" : "  ")
                                .append(i == row.length - 1 ? row[i] : row[i] + " ".repeat(widths[i] - row[i].length()));
                    }
                    out.println(line);
                }
                out.println("Remaining = latest reading minus activations keyed since; warning at "
                        + pool.get(0).threshold() + " or fewer. The true count is only visible at VLSC.");
                out.flush();
            }
            return CommandLine.ExitCode.OK;
        }
    }
}
