package org.gapdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.RowCounts;
import org.gapdesk.fuzz.Seeds;
import org.gapdesk.fuzz.Verdict;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;

/**
 * Intake end to end on mutated files: preview stores nothing; a commit stores exactly one import record per
 * accepted file and exactly the entries its preview said it would store, and a rejected file adds nothing.
 */
@AddLifecycleHook(FuzzTries.class)
class IntakeServiceFuzzTest {
    static Path dir;
    static Database db;
    static IntakeService intake;
    static final List<UploadedFile> SEEDS = Seeds.intakeFiles();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("intake-fuzz");
        db = TestDatabase.open(dir);
        intake = new IntakeService(db, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterContainer
    static void close() throws IOException {
        db.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<UploadedFile>> imports() {
        Arbitrary<UploadedFile> file = Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.longs(), Arbitraries.integers().between(0, 5)).as((i, seed, rounds) -> new UploadedFile(
                        SEEDS.get(i).name(), Mutator.mutate(SEEDS.get(i).bytes(), new Random(seed), rounds)));
        return file.list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 300)
    void aCommitStoresExactlyWhatItsPreviewPromisedAndRejectedFilesNothing(@ForAll("imports") List<UploadedFile> files) {
        IntakeDefaults defaults = new IntakeDefaults("LAB-Z");
        Map<String, Long> before = RowCounts.of(db);
        ImportPreview preview = Verdict.of(RuntimeException.class, () -> intake.preview(files, defaults)).value();
        assertEquals(before, RowCounts.of(db), "a preview stored something");

        ImportResult result = Verdict.of(RuntimeException.class, () -> intake.commit(files, defaults, "fuzz")).value();
        Map<String, Long> after = RowCounts.of(db);
        long accepted = result.preview().files().stream().filter(f -> !f.rejected()).count();
        for (FilePreview f : result.preview().files()) {
            if (f.rejected()) {
                assertTrue(f.rejection().startsWith(f.fileName() + ":"), f.rejection());
                assertTrue(f.entries().isEmpty());
            }
        }
        assertEquals(accepted, delta(before, after, "import_file"), "one import record per accepted file");
        assertEquals(result.preview().storedCount(), result.createdRequestIds().size());
        assertEquals(result.preview().storedCount(), delta(before, after, "activation_request"));
        if (accepted == 0) {
            assertEquals(before, after, "an import of rejected files stored something");
        }
    }

    static long delta(Map<String, Long> before, Map<String, Long> after, String table) {
        Map<String, Long> b = new HashMap<>(before);
        return after.get(table) - b.getOrDefault(table, 0L);
    }
}
