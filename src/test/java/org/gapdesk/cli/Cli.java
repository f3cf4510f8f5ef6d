package org.gapdesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code gapdesk} in-process and captures what it prints. */
final class Cli {
    /**
     * What a run gave.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with {@code env} as the only environment variables the command sees (GAPDESK_OPERATOR, ...). */
    static Run run(Map<String, String> env, String... args) {
        CommandLine cl = GapdeskCommand.commandLine();
        ((GapdeskCommand) cl.getCommand()).environment = env::get;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
