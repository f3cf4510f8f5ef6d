package org.gapdesk.reports;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.gapdesk.activation.RequestState;

/**
 * How many requests of one lab are in each state.
 *
 * @param lab lab code
 * @param counts a count for every state (zero included), in lifecycle order
 */
public record LabStates(String lab, Map<RequestState, Long> counts) {
    public LabStates {
        Map<RequestState, Long> copy = new EnumMap<>(RequestState.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    /** The count of one state. */
    public long count(RequestState state) {
        return counts.getOrDefault(state, 0L);
    }

    /** All requests of the lab. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
