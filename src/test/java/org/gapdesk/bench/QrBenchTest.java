package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus and the benchmark code path at a tiny size; timings are not asserted. */
class QrBenchTest {
    @TempDir
    Path dir;

    @Test
    void theCorpusIsDeterministicAndMixesPayloadKinds() {
        List<QrCorpus.Sample> a = QrCorpus.generate(7, 10);
        List<QrCorpus.Sample> b = QrCorpus.generate(7, 10);
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(a.get(i).jpeg(), b.get(i).jpeg(), "same seed, same bytes");
            assertEquals(a.get(i).conditions(), b.get(i).conditions());
        }
        assertNotEquals(a.get(3).conditions(), QrCorpus.generate(8, 10).get(3).conditions());
        assertTrue(a.get(0).payload().matches("[0-9]{63}"), "bare IID digits");
        assertTrue(a.get(1).payload().matches("GD1:[0-9A-Z]{8}:1/1:.*"), "a one-machine message");
        assertTrue(a.get(2).payload().matches("GD1:[0-9A-Z]{8}:[0-9]+/[0-9]+:.*"), "a part of a lab message");
        assertEquals("qr-001.jpg", a.get(0).name());
    }

    @Test
    void runsGapdeskAndZbarimgWhenInstalledOnTheSameFiles() throws Exception {
        QrBench.Result r = new QrBench(3, 6, dir, "zbarimg").run();
        assertEquals(6, r.gapdesk().decodedFlags().size());
        assertEquals(0, r.gapdesk().wrong());
        assertTrue(Files.exists(dir.resolve("qr-006.jpg")));
        if (r.zbar() != null) {
            assertEquals(6, r.zbar().decodedFlags().size());
            assertEquals(r.gapdesk().decoded() >= r.zbar().decoded(), r.barMet());
        }
        List<String> report = QrBench.report(r);
        assertEquals(7, report.size());
        assertTrue(report.get(1).startsWith("qr-001.jpg,63,"), report.get(1));
    }

    @Test
    void withoutZbarimgOnlyGapdeskIsMeasured() {
        QrBench.Result r = new QrBench(4, 2, dir, "/nonexistent/zbarimg").run();
        assertNull(r.zbar());
        assertNull(r.barMet());
        assertEquals(2, r.gapdesk().decodedFlags().size());
    }
}
