package org.gapdesk.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Top-level {@code gapdesk} command; the sub-commands do the work. */
@Command(name = "gapdesk", mixinStandardHelpOptions = true, version = "Gapdesk 0.1.0",
        description = "Offline activation desk for air-gapped labs.",
        subcommands = {CommandLine.HelpCommand.class})
public final class GapdeskCommand {
    @Option(names = "--home", description = "Kiosk home folder (default: $GAPDESK_HOME or ~/.gapdesk).",
            scope = CommandLine.ScopeType.INHERIT)
    Path home;

    /** The configured command line, ready to execute. */
    public static CommandLine commandLine() {
        return new CommandLine(new GapdeskCommand());
    }
}
