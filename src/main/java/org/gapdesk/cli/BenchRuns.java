package org.gapdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Mixin ({@code @Mixin BenchRuns timing}): {@code --runs} and {@code --warmup} of a timed benchmark; and, for every
 * timed benchmark, the check of its counts and the temporary folder it works in.
 */
final class BenchRuns {
    /** One benchmark run in a folder. */
    @FunctionalInterface
    interface InFolder<R> {
        R run(Path dir) throws IOException;
    }

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Uncounted warm-up runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    /**
     * Refuses a size or {@code --runs} below 1 and a {@code --warmup} below 0 as a wrong command line.
     *
     * @param sizeOption the size option's name, e.g. {@code --machines}
     */
    static void check(CommandSpec spec, String sizeOption, int size, int runs, int warmup) {
        if (size < 1 || runs < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    sizeOption + " and --runs must be at least 1, --warmup at least 0");
        }
    }

    /**
     * Runs {@code bench} in {@code workDir} (made if missing and left in place), or without one in a new temporary
     * folder that is removed after, once the benchmark has emptied it.
     */
    static <R> R inWorkDir(Path workDir, InFolder<R> bench) throws IOException {
        boolean ownDir = workDir == null;
        Path dir = ownDir ? Files.createTempDirectory("gapdesk-bench") : Files.createDirectories(workDir);
        try {
            return bench.run(dir);
        } finally {
            if (ownDir) {
                Files.deleteIfExists(dir);
            }
        }
    }
}
