package org.gapdesk.bench;

import java.util.List;

/**
 * Latency of one kind of request, in milliseconds (nearest-rank percentiles).
 *
 * @param count requests measured
 * @param p50 median
 * @param p99 99th percentile
 * @param max slowest
 */
public record Latency(int count, double p50, double p99, double max) {
    static Latency of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Latency(0, 0, 0, 0);
        }
        double[] s = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Latency(s.length, rank(s, 50), rank(s, 99), s[s.length - 1]);
    }

    private static double rank(double[] sorted, int percent) {
        int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d", p50, p99, max, count);
    }
}
