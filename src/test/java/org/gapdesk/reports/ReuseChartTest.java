package org.gapdesk.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gapdesk.licensing.KmsThreshold;
import org.gapdesk.licensing.LabAdvice;
import org.junit.jupiter.api.Test;

class ReuseChartTest {
    static LabAdvice lab(String code, String name, int keyed, int reused) {
        return new LabAdvice(code, name, List.of(), new KmsThreshold("Windows client", 0, KmsThreshold.CLIENTS),
                new KmsThreshold("Windows Server", 0, KmsThreshold.SERVERS), List.of(), 0, keyed, reused, List.of());
    }

    @Test
    void aBarPerLabSplitIntoKeyedAndReusedWithTheNumbersSpelledOut() {
        String svg = ReuseChart.render(List.of(lab("LAB-A", "Teaching <lab> A", 62, 5), lab("LAB-B", null, 13, 0)));
        assertTrue(svg.startsWith("<svg "), svg);
        assertTrue(svg.contains("data-series=\"keyed\" data-value=\"62\""), svg);
        assertTrue(svg.contains("data-series=\"reused\" data-value=\"5\""), svg);
        assertTrue(svg.contains("75 keyed, 5 saved by reuse in all."), svg);
        assertTrue(svg.contains("LAB-A (Teaching &lt;lab&gt; A)"), "escaped: " + svg);
        assertFalse(svg.contains("style=") || svg.contains("<script"), svg);
    }

    @Test
    void noLabsDrawsTheEmptyMessage() {
        assertTrue(ReuseChart.render(List.of()).contains("No confirmed requests yet"));
    }
}
