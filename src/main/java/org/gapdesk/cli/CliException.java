package org.gapdesk.cli;

import picocli.CommandLine;

/** A problem the user can fix; printed as one line on standard error, without a stack trace. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A problem that stops the command with exit code 1. */
    CliException(String message) {
        this(message, CommandLine.ExitCode.SOFTWARE);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
