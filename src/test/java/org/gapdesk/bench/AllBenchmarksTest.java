package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark at tiny sizes (the cold start launches the kiosk from the test class path) and checks the
 * generated record; timings are not asserted.
 */
class AllBenchmarksTest {
    @TempDir
    Path work;

    @Test
    void runsEveryBenchmarkAtTinySizesAndRecordsIt() throws IOException {
        AllBenchmarks.Sizes sizes = new AllBenchmarks.Sizes(20, 5, 20, 2, 42, 1, 0, 1,
                new LoadSettings(3, 1, 2, 1, LoadBench.LAB, 7L));
        List<String> steps = new ArrayList<>();
        AllBenchmarks.Report r = new AllBenchmarks(sizes, work, "zbarimg", ColdStartBench.ofThisJvm(1, work),
                Clock.systemUTC()).run(steps::add);

        assertEquals(6, steps.size(), steps.toString());
        assertEquals(20, r.intake().machines());
        assertEquals(5, r.worksheet().machines());
        assertEquals(20, r.bundle().entries());
        assertEquals(1, r.bundle().sha256().millis().size());
        assertEquals(2, r.qr().photos());
        assertEquals(6, r.load().cidsAcknowledged());
        assertEquals(List.of(), r.load().errors());
        assertEquals(List.of(), r.load().integrity());
        assertEquals(2, r.soloLoad().cidsAcknowledged());
        assertEquals(1, r.coldStart().firstStart().millis().size(), "one first start per restart");
        assertEquals(1, r.coldStart().restarts().millis().size());
        assertTrue(r.coldStart().peakHeapUsedBytes() > 0, "the GC log shows the heap");
        assertFalse(r.coldStart().outOfMemory());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "every benchmark deletes what it made");
        }

        String block = PerformanceRecord.markdown(r, "gapdesk bench all --intake 20");
        assertTrue(block.startsWith(PerformanceRecord.START + "\n"), block);
        assertTrue(block.endsWith(PerformanceRecord.END + "\n"), block);
        assertTrue(block.contains("not judged (other size)"), block);
        assertTrue(block.contains("CID entry under 3 concurrent operators"), block);
        assertTrue(block.contains("`gapdesk bench all --intake 20`"), block);
        assertTrue(block.contains("processors (nproc)"), block);
        assertTrue(block.contains("-Xmx256m"), block);
    }
}
