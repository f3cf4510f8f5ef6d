package org.gapdesk.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gapdesk.Kiosk;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.Role;
import org.gapdesk.operator.SelfChangeGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gapdesk operator}: the named operators of the kiosk. {@code add --admin NAME} on a home without operators
 * creates the first admin; every other change needs an admin signed in ({@code --operator}, {@code GAPDESK_SECRET}).
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Named operators: list, add, change role, disable, enable, set a new password or PIN.",
                "The first admin: gapdesk operator add --admin NAME (password or PIN from GAPDESK_SECRET or typed"
                        + " twice). After that an admin signs in for every change: --operator NAME (or"
                        + " GAPDESK_OPERATOR) and GAPDESK_SECRET or the prompt; the new operator's password or PIN"
                        + " comes from GAPDESK_NEW_SECRET or is typed twice."},
        subcommands = {OperatorCommand.Add.class, OperatorCommand.ListOperators.class, OperatorCommand.SetRole.class,
                OperatorCommand.Disable.class, OperatorCommand.Enable.class, OperatorCommand.Secret.class,
                CommandLine.HelpCommand.class})
public final class OperatorCommand extends CommandGroup {
    /** Environment variable with the new operator's password or PIN (when an admin adds or resets one). */
    static final String NEW_SECRET_ENV = "GAPDESK_NEW_SECRET";

    /** The acting admin's options shared by the changing sub-commands. */
    abstract static class Change implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Option(names = "--operator", paramLabel = "NAME",
                description = "The admin making the change" + CliOperator.OPTION_HELP)
        String operator;

        /** Signs the acting admin in. */
        String admin(Kiosk kiosk) {
            return context.operator(kiosk, operator, Role.ADMIN);
        }

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                String line = change(kiosk);
                context.out().println(line);
                context.out().flush();
                return CommandLine.ExitCode.OK;
            }
        }

        /** Makes the change; returns the line to print. */
        abstract String change(Kiosk kiosk);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an operator (with --admin: an admin). On a home without operators this creates the"
                    + " first admin, and needs no sign-in.")
    static final class Add extends Change {
        @Option(names = "--admin", description = "Make the new operator an admin.")
        boolean asAdmin;

        @Parameters(paramLabel = "NAME", description = "The new operator's name.")
        String name;

        @Override
        String change(Kiosk kiosk) {
            Role role = asAdmin ? Role.ADMIN : Role.OPERATOR;
            if (kiosk.operators().none()) {
                if (!asAdmin) {
                    throw new CliException("this kiosk has no operators yet: the first must be an admin (gapdesk"
                            + " operator add --admin NAME)", CommandLine.ExitCode.USAGE);
                }
                char[] secret = CliOperator.newSecret(context.root(), CliOperator.SECRET_ENV, Printable.of(name));
                try {
                    Operator o = kiosk.operators().add(name, role, secret, name == null ? "" : name.strip());
                    return "Added " + Printable.of(o.name()) + " as the first admin.";
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
            String by = admin(kiosk);
            char[] secret = CliOperator.newSecret(context.root(), NEW_SECRET_ENV, Printable.of(name));
            try {
                Operator o = kiosk.operators().add(name, role, secret, by);
                return "Added " + Printable.of(o.name()) + " as " + (asAdmin ? "an admin" : "an operator") + ".";
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the operators, their roles and"
            + " whether they may sign in.")
    static final class ListOperators implements Callable<Integer> {
        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            try (Kiosk kiosk = context.openKiosk()) {
                PrintWriter out = context.out();
                java.util.List<Operator> all = kiosk.operators().list();
                if (all.isEmpty()) {
                    out.println("No operators yet: create the first admin with gapdesk operator add --admin NAME.");
                }
                for (Operator o : all) {
                    out.println(Printable.of(o.name()) + "\t" + o.role().name().toLowerCase(Locale.ROOT)
                            + (o.active() ? "" : "\tdisabled"));
                }
                out.flush();
                return CommandLine.ExitCode.OK;
            }
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change an operator's role (an admin"
            + " cannot demote themself).")
    static final class SetRole extends Change {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "operator or admin")
        String role;

        @Override
        String change(Kiosk kiosk) {
            String r = role.strip().toUpperCase(Locale.ROOT);
            if (!r.equals("ADMIN") && !r.equals("OPERATOR")) {
                throw new CliException("ROLE must be operator or admin", CommandLine.ExitCode.USAGE);
            }
            String by = admin(kiosk);
            if (r.equals("OPERATOR")) {
                SelfChangeGuard.check(name, by);
            }
            kiosk.operators().setRole(name, Role.valueOf(r), by);
            return Printable.of(name.strip()) + " is now " + (r.equals("ADMIN") ? "an admin." : "an operator.");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop an operator signing in (the"
            + " name stays in the record; an admin cannot disable themself).")
    static final class Disable extends Change {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        String change(Kiosk kiosk) {
            String by = admin(kiosk);
            SelfChangeGuard.check(name, by);
            kiosk.operators().setActive(name, false, by);
            return Printable.of(name.strip()) + " is disabled.";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled operator sign in again.")
    static final class Enable extends Change {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        String change(Kiosk kiosk) {
            String by = admin(kiosk);
            kiosk.operators().setActive(name, true, by);
            return Printable.of(name.strip()) + " can sign in again.";
        }
    }

    @Command(name = "secret", mixinStandardHelpOptions = true, description = "Set a new password or PIN for an"
            + " operator (from GAPDESK_NEW_SECRET or typed twice); also lifts a sign-in lock.")
    static final class Secret extends Change {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        String change(Kiosk kiosk) {
            String by = admin(kiosk);
            char[] secret = CliOperator.newSecret(context.root(), NEW_SECRET_ENV, Printable.of(name));
            try {
                kiosk.operators().setSecret(name, secret, by);
            } finally {
                Arrays.fill(secret, '\0');
            }
            return "New password or PIN set for " + Printable.of(name.strip()) + ".";
        }
    }
}
