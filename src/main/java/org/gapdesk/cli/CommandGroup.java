package org.gapdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Spec;

/**
 * A command that only groups sub-commands ({@code gapdesk audit}, {@code gapdesk key}, ...): run without one, it
 * prints its usage on standard error and exits 2.
 */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
