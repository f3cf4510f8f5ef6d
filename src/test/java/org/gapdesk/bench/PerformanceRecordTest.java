package org.gapdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Placing the generated block in a page: only the marked block changes. */
class PerformanceRecordTest {
    private static final String BLOCK = PerformanceRecord.START + "\nnew figures\n" + PerformanceRecord.END + "\n";

    @Test
    void replacesOnlyTheMarkedBlock() {
        String page = "# Performance\n\nIntro.\n\n" + PerformanceRecord.START + "\nold figures\n"
                + PerformanceRecord.END + "\n\n## Intake\n\nHand-written.\n";
        assertEquals("# Performance\n\nIntro.\n\n" + BLOCK + "\n## Intake\n\nHand-written.\n",
                PerformanceRecord.splice(page, BLOCK));
    }

    @Test
    void addsTheBlockBeforeTheFirstSectionWhenThereIsNone() {
        String page = "# Performance\n\nIntro.\n\n## Intake\n\nHand-written.\n";
        assertEquals("# Performance\n\nIntro.\n\n" + BLOCK + "\n## Intake\n\nHand-written.\n",
                PerformanceRecord.splice(page, BLOCK));
    }

    @Test
    void appendsToAPageWithoutSections() {
        assertEquals("# Performance\n\n" + BLOCK, PerformanceRecord.splice("# Performance\n", BLOCK));
    }

    @Test
    void refusesAStartMarkerWithoutItsEnd() {
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceRecord.splice("# P\n" + PerformanceRecord.START + "\n", BLOCK));
    }
}
