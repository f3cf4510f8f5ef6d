package org.gapdesk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import org.gapdesk.Kiosk;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.SignInResult;
import picocli.CommandLine;

/**
 * Who a state-changing command acts as: the one rule for every CLI command that changes the record.
 *
 * <ul>
 * <li>Once the home has operators, the command signs in like the web page does: the name from
 *     {@code --operator NAME} or {@value #OPERATOR_ENV}, the password or PIN from {@value #SECRET_ENV} or typed at
 *     a prompt (never on the command line). The same per-name throttle applies, every sign-in is audited, and an
 *     admin-only command refuses an operator. Refusals exit with {@value #REFUSED}.</li>
 * <li>While the home has no operators yet (first use, scripted tests), there is nobody to sign in as: the
 *     command records the {@code --operator} name as given, or {@code cli:<os user>}, and prints one warning line
 *     to standard error. {@code gapdesk operator add --admin NAME} ends that state.</li>
 * </ul>
 */
final class CliOperator {
    /** Environment variable naming the operator. */
    static final String OPERATOR_ENV = "GAPDESK_OPERATOR";
    /** Environment variable holding the operator's password or PIN. */
    static final String SECRET_ENV = "GAPDESK_SECRET";
    /** Exit code when sign-in fails or the operator's role does not allow the command. */
    static final int REFUSED = 3;
    /**
     * How an {@code --operator} option's help ends, after the command's own words on what the name is recorded with:
     * {@code description = "Name recorded on the batch" + CliOperator.OPTION_HELP}.
     */
    static final String OPTION_HELP = " (default: $" + OPERATOR_ENV + "); password or PIN from $" + SECRET_ENV
            + " or the prompt.";

    private CliOperator() {
    }

    /**
     * Signs the acting operator in and returns the name to record.
     *
     * @param root the top-level command (its environment)
     * @param option the {@code --operator} value, or null
     * @param needed the role the command needs
     * @throws CliException when no name or secret is given, sign-in fails, or the role does not allow it
     */
    static String resolve(GapdeskCommand root, Kiosk kiosk, String option, Role needed, PrintWriter err) {
        OperatorService operators = kiosk.operators();
        String named = option != null && !option.isBlank() ? option.strip() : blankToNull(root.env(OPERATOR_ENV));
        if (operators.none()) {
            String who = named != null ? named : "cli:" + System.getProperty("user.name", "unknown");
            err.println("gapdesk: warning: no operators are set up yet, so nobody signs in: acting as "
                    + Printable.of(who) + " (create the first admin with: gapdesk operator add --admin NAME)");
            err.flush();
            return who;
        }
        if (named == null) {
            throw new CliException("this command records who made the change: name yourself with --operator NAME"
                    + " or " + OPERATOR_ENV + ", and give your password or PIN in " + SECRET_ENV
                    + " or at the prompt", CommandLine.ExitCode.USAGE);
        }
        char[] secret = secret(root, SECRET_ENV, "Password or PIN for " + Printable.of(named) + ": ");
        SignInResult r;
        try {
            r = operators.signIn(named, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (!r.ok()) {
            throw new CliException("refused: " + r.message(), REFUSED);
        }
        Operator op = r.operator();
        if (!op.role().allows(needed)) {
            throw new CliException("refused: only an admin may do this; " + Printable.of(op.name())
                    + " is an operator", REFUSED);
        }
        return op.name();
    }

    /**
     * A secret from the environment variable {@code env}, else typed at the console (not echoed).
     *
     * @throws CliException when neither is available
     */
    static char[] secret(GapdeskCommand root, String env, String prompt) {
        String fromEnv = root.env(env);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("no password or PIN: set " + env + " or run the command in a terminal to be"
                    + " asked for it", CommandLine.ExitCode.USAGE);
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new CliException("no password or PIN typed", CommandLine.ExitCode.USAGE);
        }
        return typed;
    }

    /**
     * A new secret: from the environment variable {@code env}, else typed twice at the console.
     *
     * @throws CliException when neither is available or the two typings differ
     */
    static char[] newSecret(GapdeskCommand root, String env, String whose) {
        String fromEnv = root.env(env);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] first = secret(root, env, "New password or PIN for " + whose + ": ");
        char[] again = secret(root, env, "The same again: ");
        try {
            if (!Arrays.equals(first, again)) {
                Arrays.fill(first, '\0');
                throw new CliException("the two passwords or PINs differ", CommandLine.ExitCode.USAGE);
            }
            return first;
        } finally {
            Arrays.fill(again, '\0');
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
