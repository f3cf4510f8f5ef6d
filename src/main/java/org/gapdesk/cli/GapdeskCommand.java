package org.gapdesk.cli;

import java.nio.file.Path;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Top-level {@code gapdesk} command; the sub-commands do the work. */
@Command(name = "gapdesk", mixinStandardHelpOptions = true, version = "Gapdesk 0.1.0",
        description = "Offline activation desk for air-gapped labs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:could not run (unreadable file, database in use, ...)",
                "2:wrong command line; for import: a file or entry was rejected",
                "3:refused: sign-in failed, or the operator may not do this"})
public final class GapdeskCommand extends CommandGroup {
    @Option(names = "--home", description = "Kiosk home folder (default: $GAPDESK_HOME or ~/.gapdesk).",
            scope = CommandLine.ScopeType.INHERIT)
    Path home;

    /** Reads environment variables ({@code GAPDESK_OPERATOR}, {@code GAPDESK_SECRET}); tests replace it. */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    /** The sub-commands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, ImportCommand.class,
            ListCommand.class, BenchCommand.class, WorksheetCommand.class, ConfirmCommand.class, ExportCommand.class,
            VerifyCommand.class, KeyCommand.class, MakCommand.class, ReportCommand.class, ReceiptsCommand.class,
            ToolkitCommand.class, OperatorCommand.class, AuditCommand.class, CommandLine.HelpCommand.class);

    /** The configured command line with every sub-command, ready to execute. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: with {@code serving} true, one that knows only {@code serve} and
     * {@code help} (building every sub-command's model is a good part of a cold start, and serving needs none of
     * them); otherwise {@link #commandLine()}.
     */
    public static CommandLine commandLine(boolean serving) {
        return serving ? commandLine(List.of(ServeCommand.class, CommandLine.HelpCommand.class)) : commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new GapdeskCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(CliErrors::handle);
        return cl;
    }

    /** Opens the kiosk in the chosen home folder ({@code --home}, {@code GAPDESK_HOME}, {@code ~/.gapdesk}). */
    Kiosk openKiosk() {
        return Kiosk.open(KioskHome.resolve(home));
    }

    /** As {@link #openKiosk()}, its database migrating in the background (see {@link Kiosk#openForServing}). */
    Kiosk openKioskForServing() {
        return Kiosk.openForServing(KioskHome.resolve(home));
    }

    /** The environment variable {@code name}, or null. */
    String env(String name) {
        return environment.apply(name);
    }
}
