package org.gapdesk.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Wall-clock times of the measured runs of one benchmark step, in milliseconds.
 *
 * @param millis one time per measured run, in run order
 */
public record Timings(List<Double> millis) {
    public Timings {
        millis = List.copyOf(millis);
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no runs measured");
        }
    }

    /** The median (the mean of the middle two for an even count). */
    public double median() {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The fastest run. */
    public double min() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Override
    public String toString() {
        return String.format("median %.1f ms, min %.1f ms over %d runs %s", median(), min(), millis.size(),
                Arrays.toString(millis.stream().map(m -> String.format("%.0f", m)).toArray()));
    }
}
