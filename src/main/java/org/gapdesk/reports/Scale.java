package org.gapdesk.reports;

/** Axis ticks for counts: 0 and round steps (1, 2 or 5 times a power of ten) up to at least the maximum. */
final class Scale {
    private Scale() {
    }

    /** Ticks from 0 to a round top at or above {@code max}; at least {@code 0, 1}. */
    static long[] ticks(long max) {
        long m = Math.max(1, max);
        long step = step(m);
        long top = ((m + step - 1) / step) * step;
        int n = (int) (top / step) + 1;
        long[] ticks = new long[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /** A round step giving about four to six intervals up to {@code max}. */
    static long step(long max) {
        double raw = Math.max(1, max) / 5.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * magnitude));
    }
}
