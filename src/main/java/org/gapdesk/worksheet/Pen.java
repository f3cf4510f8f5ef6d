package org.gapdesk.worksheet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws text, lines and boxes on a page (or a form) in points from its bottom-left corner. Text is made printable
 * for its font first (see {@link WorksheetFonts#printable}).
 */
final class Pen {
    /** Grey level of labels, printed lighter than the values they name. */
    static final float LABEL_GREY = 0.35f;

    private final PDPageContentStream out;

    Pen(PDPageContentStream out) {
        this.out = out;
    }

    PDPageContentStream stream() {
        return out;
    }

    /** Width of {@code text} in points. */
    static float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(WorksheetFonts.printable(font, text)) / 1000f * size;
        } catch (IOException e) {
            throw new IllegalStateException("cannot measure text: " + e.getMessage(), e);
        }
    }

    /** The text, cut with an ellipsis so that it is at most {@code max} points wide. */
    static String fit(PDType0Font font, float size, String text, float max) {
        String t = WorksheetFonts.printable(font, text);
        if (width(font, size, t) <= max) {
            return t;
        }
        int[] cps = t.codePoints().toArray();
        int lo = 0;
        int hi = cps.length;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(font, size, new String(cps, 0, mid) + "\u2026") <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new String(cps, 0, lo).stripTrailing() + "\u2026";
    }

    /** Breaks text into lines at most {@code max} points wide, at spaces where possible. */
    static List<String> wrap(PDType0Font font, float size, String text, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : WorksheetFonts.printable(font, text).strip().split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(width(font, size, word) <= max ? word : fit(font, size, word, max));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes text with its baseline starting at (x, y). */
    void text(PDType0Font font, float size, float x, float y, String text) throws IOException {
        String t = WorksheetFonts.printable(font, text);
        if (t.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(t);
        out.endText();
    }

    /** Writes several texts in one font and size, each with its baseline starting at (xs[i], ys[i]). */
    void texts(PDType0Font font, float size, float[] xs, float[] ys, List<String> texts) throws IOException {
        out.beginText();
        out.setFont(font, size);
        float px = 0;
        float py = 0;
        for (int i = 0; i < texts.size(); i++) {
            out.newLineAtOffset(xs[i] - px, ys[i] - py);
            out.showText(WorksheetFonts.printable(font, texts.get(i)));
            px = xs[i];
            py = ys[i];
        }
        out.endText();
    }

    /** Writes text with its baseline ending at (x, y). */
    void textRight(PDType0Font font, float size, float x, float y, String text) throws IOException {
        text(font, size, x - width(font, size, text), y, text);
    }

    /** Writes text centred on x. */
    void textCentred(PDType0Font font, float size, float x, float y, String text) throws IOException {
        text(font, size, x - width(font, size, text) / 2, y, text);
    }

    /** Sets the grey level (0 black, 1 white) for text and fills. */
    void fillGrey(float level) throws IOException {
        out.setNonStrokingColor(level);
    }

    /** Sets the grey level and width of lines. */
    void strokeGrey(float level, float width) throws IOException {
        out.setStrokingColor(level);
        out.setLineWidth(width);
    }

    /** Fills a rectangle in the current fill grey. */
    void fillRect(float x, float y, float w, float h) throws IOException {
        out.addRect(x, y, w, h);
        out.fill();
    }

    /** Outlines a rectangle in the current stroke grey. */
    void strokeRect(float x, float y, float w, float h) throws IOException {
        out.addRect(x, y, w, h);
        out.stroke();
    }

    /** Draws a line. */
    void line(float x1, float y1, float x2, float y2) throws IOException {
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }
}
