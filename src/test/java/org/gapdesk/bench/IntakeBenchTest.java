package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark code path at a tiny size; timings are not asserted. */
class IntakeBenchTest {
    @TempDir
    Path work;

    @Test
    void runsBothStepsOnATinyFileAndCleansUp() throws IOException {
        IntakeBench.Result r = new IntakeBench(50, 1, 2, work).run();
        assertEquals(50, r.machines());
        assertTrue(r.fileBytes() > 0);
        assertEquals(2, r.parse().millis().size());
        assertEquals(2, r.endToEnd().millis().size());
        assertTrue(r.ratio() > 0);
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "temporary databases are deleted");
        }
    }

    @Test
    void theGeneratedFileIsDeterministic() {
        assertEquals(new String(IntakeBench.requestFile(5).bytes()), new String(IntakeBench.requestFile(5).bytes()));
    }

    @Test
    void timingsGiveMedianAndMin() {
        Timings t = new Timings(List.of(5.0, 1.0, 3.0, 9.0));
        assertEquals(4.0, t.median());
        assertEquals(1.0, t.min());
        assertEquals(3.0, new Timings(List.of(3.0, 1.0, 7.0)).median());
        assertThrows(IllegalArgumentException.class, () -> new Timings(List.of()));
    }
}
