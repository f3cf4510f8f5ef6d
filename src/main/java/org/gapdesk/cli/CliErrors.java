package org.gapdesk.cli;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on standard error and an exit code. Problems a user can
 * fix (a {@link CliException}, an unreadable file, a database another process holds or a damaged one, a bad
 * value) print
 * their message only; anything else is a fault in Gapdesk and prints its stack trace too.
 */
final class CliErrors {
    /** H2's error code for a database file another process has open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's error code for a database file it cannot read. */
    private static final int H2_FILE_CORRUPTED = 90030;

    private CliErrors() {
    }

    static int handle(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String message = userMessage(ex);
        if (message != null) {
            cmd.getErr().println("gapdesk: " + message);
            cmd.getErr().flush();
            return ex instanceof CliException c ? c.exitCode() : CommandLine.ExitCode.SOFTWARE;
        }
        cmd.getErr().println("gapdesk: unexpected error: " + ex);
        ex.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** True when {@code type} is {@code ex} or among its causes. */
    static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The message to show for a problem the user can fix, or null for an unexpected fault. */
    static String userMessage(Throwable ex) {
        if (ex instanceof CliException) {
            return ex.getMessage();
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "the kiosk database is in use by another Gapdesk process (is 'gapdesk serve' running with"
                        + " this home folder?); stop it or choose another --home";
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_FILE_CORRUPTED) {
                return "the kiosk database cannot be read, its file is damaged (" + sql.getMessage() + "); restore"
                        + " the home folder's data/ from the last backup (docs/operations.md, Restore)";
            }
        }
        if (ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        return null;
    }
}
