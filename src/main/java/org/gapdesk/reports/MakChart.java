package org.gapdesk.reports;

import org.gapdesk.licensing.MakTimeline;

/**
 * One MAK's remaining count over time: the data and its chart.
 *
 * @param timeline readings, local count-down and status
 * @param svg the chart, a complete {@code <svg>} element safe to embed in a page
 */
public record MakChart(MakTimeline timeline, String svg) {
}
