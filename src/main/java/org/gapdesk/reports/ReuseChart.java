package org.gapdesk.reports;

import java.util.ArrayList;
import java.util.List;
import org.gapdesk.licensing.LabAdvice;

/**
 * The "activations saved by reuse" chart: a horizontal bar per lab, split into activations keyed (a call made, a
 * MAK activation spent, as {@link org.gapdesk.licensing.KeyedActivations} counts them) and requests confirmed
 * from the CID store without a call (nothing spent). Drawn like the other dashboard charts: self-contained SVG,
 * presentation attributes only.
 */
public final class ReuseChart {
    static final List<StackedBarChart.Series> SERIES = List.of(
            new StackedBarChart.Series("keyed", "Keyed in (a call, an activation spent)",
                    new Fill(Fill.BLUE, Fill.Pattern.SOLID, Fill.LIGHT)),
            new StackedBarChart.Series("reused", "Reused from the CID store (no call, nothing spent)",
                    new Fill(Fill.GREEN, Fill.Pattern.GRID, Fill.LIGHT)));

    private ReuseChart() {
    }

    /** The chart for the labs of {@code advice}, in their order. */
    public static String render(List<LabAdvice> advice) {
        List<StackedBarChart.Category> cats = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        long keyed = 0;
        long saved = 0;
        for (LabAdvice a : advice) {
            String full = a.labName() == null ? a.lab() : a.lab() + " (" + a.labName() + ")";
            cats.add(new StackedBarChart.Category(a.lab(), full,
                    new long[] {a.keyedActivations(), a.savedByReuse()}));
            keyed += a.keyedActivations();
            saved += a.savedByReuse();
            detail.append(' ').append(a.lab()).append(": ").append(a.keyedActivations()).append(" keyed, ")
                    .append(a.savedByReuse()).append(" reused.");
        }
        String desc = "Activations keyed in and requests confirmed from the CID store without a call, per lab: "
                + keyed + " keyed, " + saved + " saved by reuse in all." + detail;
        return StackedBarChart.horizontal("reuse", "Activations saved by stored-CID reuse", desc, SERIES, cats,
                "No confirmed requests yet");
    }
}
