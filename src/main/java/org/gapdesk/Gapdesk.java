package org.gapdesk;

import org.gapdesk.cli.GapdeskCommand;
import org.gapdesk.web.WebServer;
import picocli.CommandLine;

/** The {@code gapdesk} command: {@code java -jar gapdesk.jar serve|import|list ...}. */
public final class Gapdesk {
    private Gapdesk() {
    }

    public static void main(String[] args) {
        if (serving(args)) {
            // Building the command line takes a few tenths of a second: load the web stack meanwhile.
            WebServer.warmUpInBackground();
        }
        System.exit(GapdeskCommand.commandLine().execute(args));
    }

    /**
     * True when {@code args} name the {@code serve} command: the first word that is neither an option nor the
     * value of {@code --home}. Only a hint for starting early; picocli still parses the command line.
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
