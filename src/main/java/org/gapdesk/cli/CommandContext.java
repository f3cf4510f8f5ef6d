package org.gapdesk.cli;

import java.io.PrintWriter;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskHome;
import org.gapdesk.operator.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Mixin ({@code @Mixin CommandContext context}) for a command at any depth below {@code gapdesk}: its output
 * streams, the kiosk in the home folder chosen on the command line, and the operator it acts as. Adds no options
 * and changes nothing in the command's help ({@code @Command} only marks it as a mixin).
 */
@Command
final class CommandContext {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The command line of the command this is mixed into. */
    CommandLine commandLine() {
        return spec.commandLine();
    }

    /** Standard output of the command. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of the command. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The top-level {@code gapdesk} command: {@code --home} and the environment. */
    GapdeskCommand root() {
        return (GapdeskCommand) spec.root().userObject();
    }

    /** The chosen home folder ({@code --home}, {@code GAPDESK_HOME}, {@code ~/.gapdesk}), without opening it. */
    KioskHome home() {
        return KioskHome.resolve(root().home);
    }

    /** Opens the kiosk in the chosen home folder. */
    Kiosk openKiosk() {
        return root().openKiosk();
    }

    /**
     * The name a change is recorded under: signs the operator in by the rule of {@link CliOperator}.
     *
     * @param option the command's {@code --operator} value, or null
     * @param needed the role the command needs
     */
    String operator(Kiosk kiosk, String option, Role needed) {
        return CliOperator.resolve(root(), kiosk, option, needed, err());
    }
}
