package org.gapdesk;

import org.gapdesk.cli.GapdeskCommand;
import org.gapdesk.web.WebServer;
import picocli.CommandLine;

/** The {@code gapdesk} command: {@code java -jar gapdesk.jar serve|import|list ...}. */
public final class Gapdesk {
    private Gapdesk() {
    }

    public static void main(String[] args) {
        boolean serving = serving(args);
        if (serving) {
            // Building the command line takes a tenth of a second or more: load the web stack meanwhile.
            WebServer.warmUpInBackground();
        }
        System.exit(GapdeskCommand.commandLine(serving).execute(args));
    }

    /**
     * True when {@code args} name the {@code serve} command: the first word that is neither an option nor the
     * value of {@code --home}. Picks what to prepare; picocli still parses the command line.
     */
    static boolean serving(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a.equals("serve");
            }
        }
        return false;
    }
}
