package org.gapdesk.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Stacked bar charts as SVG strings: one bar per category, one segment per series. Every segment carries a
 * {@code <title>} (its category, series and count) and, where it is wide enough, its count printed on a white
 * plate; every bar its total; a legend repeats each series' colour and pattern with its name. Vertical bars suit
 * time (weeks), horizontal bars suit names (labs).
 */
final class StackedBarChart {
    static final int WIDTH = 720;
    private static final String AXIS = "#444444";
    private static final String GRIDLINE = "#DDDDDD";
    private static final String TEXT = "#111111";

    /**
     * A series.
     *
     * @param key short name used in ids and {@code data-series} (e.g. {@code phone})
     * @param label name in the legend and titles
     * @param fill colour and pattern
     */
    record Series(String key, String label, Fill fill) {
    }

    /**
     * A category (one bar).
     *
     * @param label text under or beside the bar (shortened when too long)
     * @param fullLabel text in titles (never shortened)
     * @param values one count per series, in series order
     */
    record Category(String label, String fullLabel, long[] values) {
        long total() {
            long t = 0;
            for (long v : values) {
                t += v;
            }
            return t;
        }
    }

    private StackedBarChart() {
    }

    /** Vertical bars: categories along the bottom, counts up the side. */
    static String vertical(String id, String title, String desc, List<Series> series, List<Category> categories,
            String emptyMessage) {
        int legendRows = legendRows(series);
        int height = 260 + legendRows * 20;
        double left = 52;
        double right = WIDTH - 16;
        double top = 28;
        double bottom = 220;
        Svg svg = begin(id, height, title, desc, series);
        long max = categories.stream().mapToLong(Category::total).max().orElse(0);
        long[] ticks = Scale.ticks(max);
        double top0 = ticks[ticks.length - 1];
        svg.open("g", "class", "axis");
        for (long t : ticks) {
            double y = bottom - (bottom - top) * t / top0;
            svg.empty("line", "x1", left, "y1", y, "x2", right, "y2", y, "stroke", t == 0 ? AXIS : GRIDLINE,
                    "stroke-width", 1);
            svg.text("text", Long.toString(t), "x", left - 6, "y", y + 4, "text-anchor", "end", "fill", TEXT);
        }
        svg.close("g");
        int n = Math.max(1, categories.size());
        double band = (right - left) / n;
        double barWidth = Math.min(56, band * 0.64);
        int maxChars = Math.max(3, (int) (band / 7));
        svg.open("g", "class", "bars");
        for (int i = 0; i < categories.size(); i++) {
            Category cat = categories.get(i);
            double x = left + i * band + (band - barWidth) / 2;
            double y = bottom;
            svg.open("g", "class", "bar", "data-category", cat.fullLabel(), "data-total", cat.total());
            for (int s = 0; s < series.size(); s++) {
                long v = cat.values()[s];
                if (v <= 0) {
                    continue;
                }
                double h = (bottom - top) * v / top0;
                y -= h;
                segment(svg, series.get(s), cat, v, x, y, barWidth, h, h >= 15 && barWidth >= 22);
            }
            if (cat.total() > 0) {
                svg.text("text", Long.toString(cat.total()), "x", x + barWidth / 2, "y", y - 4, "text-anchor",
                        "middle", "font-weight", "bold", "fill", TEXT, "class", "total");
            }
            svg.open("text", "x", x + barWidth / 2, "y", bottom + 16, "text-anchor", "middle", "fill", TEXT,
                    "class", "category");
            svg.title(cat.fullLabel()).raw(Svg.escape(Svg.shorten(cat.label(), maxChars)));
            svg.close("text");
            svg.close("g");
        }
        svg.close("g");
        if (max == 0) {
            svg.text("text", emptyMessage, "x", (left + right) / 2, "y", (top + bottom) / 2, "text-anchor", "middle",
                    "fill", TEXT, "class", "empty");
        }
        legend(svg, series, 16, bottom + 40);
        return svg.finish();
    }

    /** Horizontal bars: categories down the side, counts along the bottom. */
    static String horizontal(String id, String title, String desc, List<Series> series, List<Category> categories,
            String emptyMessage) {
        int rows = Math.max(1, categories.size());
        double left = 140;
        double right = WIDTH - 56;
        double top = 16;
        double rowHeight = 30;
        double bottom = top + rows * rowHeight;
        int height = (int) bottom + 44 + legendRows(series) * 20;
        Svg svg = begin(id, height, title, desc, series);
        long max = categories.stream().mapToLong(Category::total).max().orElse(0);
        long[] ticks = Scale.ticks(max);
        double right0 = ticks[ticks.length - 1];
        svg.open("g", "class", "axis");
        for (long t : ticks) {
            double x = left + (right - left) * t / right0;
            svg.empty("line", "x1", x, "y1", top, "x2", x, "y2", bottom, "stroke", t == 0 ? AXIS : GRIDLINE,
                    "stroke-width", 1);
            svg.text("text", Long.toString(t), "x", x, "y", bottom + 16, "text-anchor", "middle", "fill", TEXT);
        }
        svg.close("g");
        double barHeight = 18;
        svg.open("g", "class", "bars");
        for (int i = 0; i < categories.size(); i++) {
            Category cat = categories.get(i);
            double y = top + i * rowHeight + (rowHeight - barHeight) / 2;
            double x = left;
            svg.open("g", "class", "bar", "data-category", cat.fullLabel(), "data-total", cat.total());
            svg.open("text", "x", left - 8, "y", y + barHeight / 2 + 4, "text-anchor", "end", "fill", TEXT,
                    "class", "category");
            svg.title(cat.fullLabel()).raw(Svg.escape(Svg.shorten(cat.label(), 18)));
            svg.close("text");
            for (int s = 0; s < series.size(); s++) {
                long v = cat.values()[s];
                if (v <= 0) {
                    continue;
                }
                double w = (right - left) * v / right0;
                segment(svg, series.get(s), cat, v, x, y, w, barHeight, w >= 8 + 7 * Long.toString(v).length());
                x += w;
            }
            svg.text("text", Long.toString(cat.total()), "x", x + 6, "y", y + barHeight / 2 + 4, "fill", TEXT,
                    "font-weight", "bold", "class", "total");
            svg.close("g");
        }
        svg.close("g");
        if (max == 0) {
            svg.text("text", emptyMessage, "x", (left + right) / 2, "y", (top + bottom) / 2 + 4, "text-anchor",
                    "middle", "fill", TEXT, "class", "empty");
        }
        legend(svg, series, 16, bottom + 40);
        return svg.finish();
    }

    private static Svg begin(String id, int height, String title, String desc, List<Series> series) {
        Svg svg = new Svg(id, WIDTH, height, title, desc);
        svg.raw("<defs>\n");
        for (Series s : series) {
            s.fill().define(svg, s.key());
        }
        svg.raw("</defs>\n");
        svg.empty("rect", "width", WIDTH, "height", height, "fill", "#FFFFFF");
        return svg;
    }

    private static void segment(Svg svg, Series s, Category cat, long v, double x, double y, double w, double h,
            boolean label) {
        svg.open("rect", "x", x, "y", y, "width", w, "height", h, "fill", s.fill().paint(svg, s.key()), "stroke",
                "#FFFFFF", "stroke-width", 1, "class", "segment", "data-series", s.key(), "data-value", v);
        svg.title(cat.fullLabel() + ", " + s.label() + ": " + v);
        svg.close("rect");
        if (label) {
            String text = Long.toString(v);
            double plate = 7 * text.length() + 6;
            double cx = x + w / 2;
            double cy = y + h / 2;
            svg.empty("rect", "x", cx - plate / 2, "y", cy - 7, "width", plate, "height", 14, "rx", 3, "fill",
                    "#FFFFFF", "aria-hidden", "true");
            svg.text("text", text, "x", cx, "y", cy + 4, "text-anchor", "middle", "font-size", 11, "fill", TEXT,
                    "aria-hidden", "true", "class", "value");
        }
    }

    private static int legendRows(List<Series> series) {
        return layoutLegend(series, 16).size();
    }

    /** Splits the legend into rows that fit the width. */
    private static List<List<Series>> layoutLegend(List<Series> series, double left) {
        List<List<Series>> rows = new ArrayList<>();
        List<Series> row = new ArrayList<>();
        double x = left;
        for (Series s : series) {
            double w = itemWidth(s);
            if (!row.isEmpty() && x + w > WIDTH - 16) {
                rows.add(row);
                row = new ArrayList<>();
                x = left;
            }
            row.add(s);
            x += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static double itemWidth(Series s) {
        return 14 + 6 + 7.2 * s.label().length() + 22;
    }

    private static void legend(Svg svg, List<Series> series, double left, double top) {
        svg.open("g", "class", "legend");
        double y = top;
        for (List<Series> row : layoutLegend(series, left)) {
            double x = left;
            for (Series s : row) {
                svg.empty("rect", "x", x, "y", y - 11, "width", 14, "height", 14, "fill", s.fill().paint(svg, s.key()),
                        "stroke", AXIS, "stroke-width", 0.5);
                svg.text("text", s.label(), "x", x + 20, "y", y, "fill", TEXT, "class", "legend-label");
                x += itemWidth(s);
            }
            y += 20;
        }
        svg.close("g");
    }
}
