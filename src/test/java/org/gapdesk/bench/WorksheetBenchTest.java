package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gapdesk.batch.ActivationChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorksheetBenchTest {
    @TempDir
    Path dir;

    @Test
    void measuresAWorksheetAndCleansUp() throws IOException {
        WorksheetBench.Result r = new WorksheetBench(9, ActivationChannel.PORTAL, 0, 2, dir).run();
        assertEquals(9, r.machines());
        assertEquals(3, r.pages(), "3 blocks on the first page, 4 on the others (A4)");
        assertTrue(r.pdfBytes() > 0);
        assertEquals(2, r.endToEnd().millis().size());
        assertEquals(2, r.render().millis().size());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the temporary databases are deleted");
        }
    }
}
