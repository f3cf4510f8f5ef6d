package org.gapdesk.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One run of {@code Apply-GapdeskBundle.ps1}, top to bottom: load the lab state, verify the bundle against the
 * pinned key, apply it, write the results file, then record the bundle in the state file. The results file is
 * written before the state, so a run cut short can be repeated without the override (depositing the same CID
 * again is harmless).
 */
public final class LabApplyRun {
    /**
     * What the script is given.
     *
     * @param bundle the bundle folder
     * @param lab the lab the toolkit is installed for
     * @param stateFile the lab state file
     * @param outFolder where the results file goes (the stick)
     * @param runId the host name, or a run id in machine-list mode, for the results file name
     * @param allowOlderSequence {@code -AllowOlderSequence}
     * @param scope one machine, or a machine list
     * @param aliases the alias map, or null
     */
    public record Options(Path bundle, String lab, Path stateFile, Path outFolder, String runId,
            boolean allowOlderSequence, LabApplier.Scope scope, AliasMap aliases) {
    }

    /**
     * What the run did.
     *
     * @param results the results written
     * @param resultsPath where
     */
    public record Outcome(ResultsFile results, Path resultsPath) {
    }

    private LabApplyRun() {
    }

    /**
     * Runs it.
     *
     * @throws BundleRejectedException when verification fails: nothing is applied and nothing written
     */
    public static Outcome run(Options o, PinnedKey key, LabInventory inventory, Clock clock)
            throws BundleRejectedException {
        LabState state = LabState.load(o.stateFile(), o.lab());
        VerifiedBundle bundle = new LabVerifier(key).verify(o.bundle(), o.lab(), state.lastSequence(),
                o.allowOlderSequence());
        ResultsFile results = new LabApplier(inventory, o.aliases(), clock).apply(bundle, o.scope());
        Path out = o.outFolder().resolve(results.fileName(o.runId()));
        try {
            Files.createDirectories(o.outFolder());
            Files.write(out, results.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file " + out + ": " + e.getMessage(), e);
        }
        state.withApplied(bundle, results.writtenAt()).save(o.stateFile());
        return new Outcome(results, out);
    }
}
