package org.gapdesk.reports;

import java.time.Instant;
import java.util.List;
import org.gapdesk.licensing.LabAdvice;
import org.gapdesk.licensing.MakAlert;
import org.gapdesk.licensing.MakStatus;

/**
 * Everything the dashboard shows, ready to render. Each {@code *Svg} is a complete, self-contained
 * {@code <svg>} element (no script, no external reference, presentation attributes only, ids prefixed per
 * chart) that can be written into the page as it is; the data beside it serves a table for the same numbers.
 *
 * @param generatedAt when it was computed
 * @param activations activations per week by channel
 * @param activationsSvg stacked bars of {@code activations}
 * @param requests requests by lab and state, labs in the site's order then by code
 * @param requestsSvg stacked bars of {@code requests}
 * @param maks the MAK pool's statuses, by key group then last five characters
 * @param makCharts one chart per MAK, in the order of {@code maks}
 * @param alerts the most recent low-count alerts, newest first
 * @param advice licensing advice per lab
 */
public record DashboardView(Instant generatedAt, WeeklyActivations activations, String activationsSvg,
        List<LabStates> requests, String requestsSvg, List<MakStatus> maks, List<MakChart> makCharts,
        List<MakAlert> alerts, List<LabAdvice> advice) {
    public DashboardView {
        requests = List.copyOf(requests);
        maks = List.copyOf(maks);
        makCharts = List.copyOf(makCharts);
        alerts = List.copyOf(alerts);
        advice = List.copyOf(advice);
    }
}
