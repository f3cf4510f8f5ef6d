package org.gapdesk.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gapdesk.licensing.MakPoint;
import org.gapdesk.licensing.MakReading;
import org.gapdesk.licensing.MakStatus;
import org.gapdesk.licensing.MakTimeline;

/**
 * One MAK's remaining count over time as an SVG string: a step line from each reading (a square, labelled with
 * the count read) down by the activations keyed since (small circles, one per day), to the count now (a large
 * circle, labelled); the warning threshold as a dashed line. Shapes and dashes, not colour, tell them apart.
 */
final class MakRemainingChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 270;
    private static final String LINE = Fill.BLUE;
    private static final String WARN = Fill.VERMILION;
    private static final String TEXT = "#111111";
    private static final String GRIDLINE = "#DDDDDD";

    private MakRemainingChart() {
    }

    static String render(MakTimeline t, ZoneId zone) {
        MakStatus s = t.status();
        double left = 56;
        double right = WIDTH - 90;
        double top = 24;
        double bottom = 200;
        Instant t0 = t.points().get(0).at();
        Instant t1 = t.points().get(t.points().size() - 1).at();
        if (Duration.between(t0, t1).compareTo(Duration.ofDays(1)) < 0) {
            t1 = t0.plus(Duration.ofDays(1));
        }
        long max = Math.max(s.threshold(), t.points().stream().mapToLong(MakPoint::remaining).max().orElse(0));
        long[] ticks = Scale.ticks(max);
        double yTop = ticks[ticks.length - 1];
        Instant from = t0;
        double span = Duration.between(t0, t1).toMillis();
        java.util.function.ToDoubleFunction<Instant> x = at -> left + (right - left)
                * Duration.between(from, at).toMillis() / span;
        java.util.function.LongToDoubleFunction y = v -> bottom - (bottom - top) * Math.max(0, v) / yTop;

        Svg svg = new Svg("mak-" + s.last5(), WIDTH, HEIGHT, title(s), desc(t, zone));
        svg.empty("rect", "width", WIDTH, "height", HEIGHT, "fill", "#FFFFFF");
        svg.open("g", "class", "axis");
        for (long tick : ticks) {
            double ty = y.applyAsDouble(tick);
            svg.empty("line", "x1", left, "y1", ty, "x2", right, "y2", ty, "stroke", tick == 0 ? "#444444" : GRIDLINE,
                    "stroke-width", 1);
            svg.text("text", Long.toString(tick), "x", left - 6, "y", ty + 4, "text-anchor", "end", "fill", TEXT);
        }
        double lastLabel = -1000;
        for (Instant at : dateTicks(t, t0, t1)) {
            double tx = x.applyAsDouble(at);
            if (tx - lastLabel < 80) {
                continue;
            }
            lastLabel = tx;
            svg.empty("line", "x1", tx, "y1", bottom, "x2", tx, "y2", bottom + 4, "stroke", "#444444");
            svg.text("text", LocalDate.ofInstant(at, zone).toString(), "x", tx, "y", bottom + 18, "text-anchor",
                    "middle", "fill", TEXT);
        }
        svg.close("g");

        double warnY = y.applyAsDouble(s.threshold());
        svg.open("g", "class", "threshold");
        svg.empty("line", "x1", left, "y1", warnY, "x2", right, "y2", warnY, "stroke", WARN, "stroke-width", 1.5,
                "stroke-dasharray", "6 4");
        svg.text("text", "warning at " + s.threshold(), "x", right + 4, "y", warnY + 4, "fill", TEXT,
                "font-size", 11);
        svg.close("g");

        StringBuilder d = new StringBuilder();
        for (int i = 0; i < t.points().size(); i++) {
            MakPoint p = t.points().get(i);
            double px = x.applyAsDouble(p.at());
            double py = y.applyAsDouble(p.remaining());
            d.append(i == 0 ? "M" : " H").append(Svg.value(px));
            d.append(i == 0 ? " " : " V").append(Svg.value(py));
        }
        svg.empty("path", "d", d.toString(), "fill", "none", "stroke", LINE, "stroke-width", 2.5, "class",
                "countdown");

        svg.open("g", "class", "points");
        for (MakPoint p : t.points()) {
            double px = x.applyAsDouble(p.at());
            double py = y.applyAsDouble(p.remaining());
            String day = LocalDate.ofInstant(p.at(), zone).toString();
            switch (p.kind()) {
                case READING -> {
                    svg.open("rect", "x", px - 5, "y", py - 5, "width", 10, "height", 10, "fill", LINE, "stroke",
                            "#FFFFFF", "stroke-width", 1, "class", "reading", "data-value", p.remaining());
                    svg.title("reading on " + day + ": " + p.remaining() + " remaining at VLSC");
                    svg.close("rect");
                    svg.text("text", Long.toString(p.remaining()), "x", px + 7, "y", py - 8, "fill", TEXT,
                            "font-size", 11, "class", "reading-label");
                }
                case COUNTDOWN -> {
                    svg.open("circle", "cx", px, "cy", py, "r", 3, "fill", "#FFFFFF", "stroke", LINE,
                            "stroke-width", 1.5, "class", "step", "data-value", p.remaining());
                    svg.title(day + ": " + p.activations() + (p.activations() == 1 ? " activation" : " activations")
                            + " keyed, " + p.remaining() + " remaining");
                    svg.close("circle");
                }
                case NOW -> {
                    svg.open("circle", "cx", px, "cy", py, "r", 5.5, "fill", LINE, "stroke", "#FFFFFF",
                            "stroke-width", 1, "class", "now", "data-value", p.remaining());
                    svg.title("now: " + p.remaining() + " remaining by the local count");
                    svg.close("circle");
                    svg.text("text", "now " + p.remaining(), "x", px + 9, "y", py + 4, "fill", TEXT,
                            "font-weight", "bold", "class", "now-label");
                }
                default -> throw new IllegalStateException("unknown point kind " + p.kind());
            }
        }
        svg.close("g");

        svg.open("g", "class", "legend");
        double ly = HEIGHT - 18;
        svg.empty("rect", "x", left, "y", ly - 9, "width", 10, "height", 10, "fill", LINE);
        svg.text("text", "reading at VLSC", "x", left + 16, "y", ly, "fill", TEXT);
        svg.empty("line", "x1", left + 140, "y1", ly - 4, "x2", left + 166, "y2", ly - 4, "stroke", LINE,
                "stroke-width", 2.5);
        svg.text("text", "local count-down", "x", left + 172, "y", ly, "fill", TEXT);
        svg.empty("line", "x1", left + 300, "y1", ly - 4, "x2", left + 326, "y2", ly - 4, "stroke", WARN,
                "stroke-width", 1.5, "stroke-dasharray", "6 4");
        svg.text("text", "warning threshold", "x", left + 332, "y", ly, "fill", TEXT);
        svg.close("g");
        return svg.finish();
    }

    static String title(MakStatus s) {
        return "MAK ending " + s.last5() + " (" + s.keyGroup() + "): remaining activations over time";
    }

    static String desc(MakTimeline t, ZoneId zone) {
        MakStatus s = t.status();
        MakReading first = t.readings().get(0);
        MakReading latest = s.latest();
        return t.readings().size() + (t.readings().size() == 1 ? " reading" : " readings") + " from "
                + first.readOn() + " to " + latest.readOn() + ". Latest: " + latest.remaining() + " on "
                + latest.readOn() + "; " + s.activationsSince() + (s.activationsSince() == 1 ? " activation" :
                " activations") + " keyed since; " + s.remainingNow() + " remaining now by the local count. Warning at "
                + s.threshold() + " or fewer. Status: " + s.level().label() + ".";
    }

    private static java.util.List<Instant> dateTicks(MakTimeline t, Instant t0, Instant t1) {
        java.util.List<Instant> out = new java.util.ArrayList<>();
        out.add(t0);
        for (MakReading r : t.readings()) {
            out.add(r.readAt());
        }
        out.add(t1);
        out.sort(null);
        return out;
    }
}
