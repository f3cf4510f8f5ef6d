package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bundle benchmark code path at a tiny size; timings are not asserted. */
class BundleBenchTest {
    @TempDir
    Path work;

    @Test
    void exportsAndVerifiesATinyBundleAndCleansUp() throws IOException {
        BundleBench.Result r = new BundleBench(50, 0, 2, work).run();
        assertEquals(50, r.entries());
        assertTrue(r.folderBytes() > 50 * 200, "about 600 bytes per entry: " + r.folderBytes());
        assertTrue(r.zipBytes() > r.folderBytes(), "the zip stores the files uncompressed");
        assertEquals(2, r.export().millis().size());
        assertEquals(2, r.verifyCpu().millis().size());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "temporary databases and bundles are deleted");
        }
    }

    @Test
    void refusesNonsenseSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BundleBench(0, 0, 1, work));
        assertThrows(IllegalArgumentException.class, () -> new BundleBench(10, 0, 0, work));
    }
}
