package org.gapdesk.reports;

import java.util.List;

/**
 * Activations per week by channel, oldest week first, weeks without any included.
 *
 * @param weeks one entry per week up to and including the current one
 */
public record WeeklyActivations(List<WeekCount> weeks) {
    public WeeklyActivations {
        weeks = List.copyOf(weeks);
    }

    /** Sum over the weeks. */
    public int total() {
        return weeks.stream().mapToInt(WeekCount::total).sum();
    }

    /** Phone activations over the weeks. */
    public int phone() {
        return weeks.stream().mapToInt(WeekCount::phone).sum();
    }

    /** Portal activations over the weeks. */
    public int portal() {
        return weeks.stream().mapToInt(WeekCount::portal).sum();
    }

    /** Activations of unknown channel over the weeks. */
    public int unknown() {
        return weeks.stream().mapToInt(WeekCount::unknown).sum();
    }
}
