package org.gapdesk.licensing;

import java.time.Instant;

/**
 * One point of a MAK's remaining count over time.
 *
 * @param at when
 * @param remaining the count from that moment on
 * @param kind a reading, a local count-down step, or the count now
 * @param activations for a count-down step: how many activations it takes off (all on the same local day)
 */
public record MakPoint(Instant at, long remaining, Kind kind, int activations) {
    /** What a point is. */
    public enum Kind {
        /** A count read at VLSC and entered. */
        READING,
        /** The count after the activations keyed on one day. */
        COUNTDOWN,
        /** The count now (the end of the line). */
        NOW
    }
}
