package org.gapdesk.reports;

/**
 * How a chart series is painted: a colour and a pattern, so series differ by more than colour (colour-blind
 * readers, grey-scale printouts). Colours are from the Okabe-Ito palette.
 *
 * @param colour base colour, {@code #RRGGBB}
 * @param pattern marks drawn over the colour
 * @param marks colour of the marks: light on dark colours, dark on light ones
 */
record Fill(String colour, Pattern pattern, String marks) {
    static final String ORANGE = "#E69F00";
    static final String SKY = "#56B4E9";
    static final String GREEN = "#009E73";
    static final String YELLOW = "#F0E442";
    static final String BLUE = "#0072B2";
    static final String VERMILION = "#D55E00";
    static final String PURPLE = "#CC79A7";
    static final String GREY = "#999999";
    static final String LIGHT = "#FFFFFF";
    static final String DARK = "#222222";

    /** The marks of a pattern on an 8 by 8 tile. */
    enum Pattern {
        SOLID(""),
        DIAGONAL("<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke-width=\"1.5\" stroke=\"%s\"/>"),
        BACK_DIAGONAL("<path d=\"M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4\" stroke-width=\"1.5\" stroke=\"%s\"/>"),
        CROSSHATCH("<path d=\"M0,8 l8,-8 M0,0 l8,8\" stroke-width=\"1.2\" stroke=\"%s\"/>"),
        DOTS("<circle cx=\"4\" cy=\"4\" r=\"1.7\" fill=\"%s\"/>"),
        HORIZONTAL("<path d=\"M0,4 H8\" stroke-width=\"2\" stroke=\"%s\"/>"),
        VERTICAL("<path d=\"M4,0 V8\" stroke-width=\"2\" stroke=\"%s\"/>"),
        GRID("<path d=\"M0,4 H8 M4,0 V8\" stroke-width=\"1.2\" stroke=\"%s\"/>");

        private final String marks;

        Pattern(String marks) {
            this.marks = marks;
        }

        String marks(String colour) {
            return String.format(java.util.Locale.ROOT, marks, colour);
        }
    }

    /** Writes the {@code <pattern>} for this fill into the document's defs (nothing for a solid fill). */
    void define(Svg svg, String key) {
        if (pattern == Pattern.SOLID) {
            return;
        }
        svg.raw("<pattern id=\"" + svg.id("fill-" + key) + "\" width=\"8\" height=\"8\""
                + " patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"" + colour + "\"/>"
                + pattern.marks(marks) + "</pattern>\n");
    }

    /** The {@code fill} attribute value for this fill. */
    String paint(Svg svg, String key) {
        return pattern == Pattern.SOLID ? colour : "url(#" + svg.id("fill-" + key) + ")";
    }
}
