package org.gapdesk.licensing;

import java.util.List;

/**
 * A MAK's remaining count over time: its readings and the local count-down after each, up to now.
 *
 * @param status where it stands now
 * @param readings all its readings, oldest first
 * @param points readings, count-down steps and the final count, in time order
 */
public record MakTimeline(MakStatus status, List<MakReading> readings, List<MakPoint> points) {
    public MakTimeline {
        readings = List.copyOf(readings);
        points = List.copyOf(points);
    }
}
