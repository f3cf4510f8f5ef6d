package org.gapdesk;

import org.gapdesk.cli.GapdeskCommand;
import picocli.CommandLine;

/** The {@code gapdesk} command: {@code java -jar gapdesk.jar serve|import|list ...}. */
public final class Gapdesk {
    private Gapdesk() {
    }

    public static void main(String[] args) {
        System.exit(GapdeskCommand.commandLine().execute(args));
    }
}
