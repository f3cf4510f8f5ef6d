package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gapdesk.web.SignedInClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 operators signed in at once over real HTTP on the loopback address: intake, CID entry for distinct
 * requests (flat out, no pacing) and a few exports while the others key. No request may fail and no write may be
 * lost or doubled; the CID-entry latency is printed, never asserted (the machine running the tests may be busy).
 */
class LoadIT {
    @TempDir
    Path home;

    @Test
    void fiftyOperatorsImportKeyAndExportWithoutAnErrorOrALostOrDoubledWrite() {
        LoadSettings settings = new LoadSettings(50, 2, 5, 5, 0, LoadBench.LAB, 7L);
        LoadResult r;
        try (ServedKiosk kiosk = ServedKiosk.open(home, SignedInClient.TEST_ITERATIONS)) {
            r = kiosk.run(settings);
        }

        System.out.printf("LoadIT: %d operators, %d imports, %d CIDs, %d bundles in %.1f s; CID entry %s%n",
                settings.operators(), r.imports(), r.cidsAcknowledged(), r.bundles(), r.seconds(), r.cidEntry());
        assertEquals(List.of(), r.errors(), "errors");
        assertEquals(List.of(), r.integrity(), "lost, doubled or inconsistent writes");
        assertEquals(100, r.imports());
        assertEquals(500, r.cidsAcknowledged());
        assertEquals(500, r.cidEntry().count());
        assertTrue(r.bundles() >= 1, "at least the first export found confirmed requests");
    }
}
