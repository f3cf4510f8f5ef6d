package org.gapdesk.worksheet;

import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper the site prints on ({@code site.json} {@code paperSize}). */
public enum PaperSize {
    /** ISO A4, 210 x 297 mm. */
    A4(PDRectangle.A4),
    /** US Letter, 8.5 x 11 in. */
    LETTER(PDRectangle.LETTER);

    private final PDRectangle box;

    PaperSize(PDRectangle box) {
        this.box = box;
    }

    /** Page width in points. */
    public float width() {
        return box.getWidth();
    }

    /** Page height in points. */
    public float height() {
        return box.getHeight();
    }

    PDRectangle box() {
        return new PDRectangle(box.getWidth(), box.getHeight());
    }

    /** Parses {@code A4} or {@code Letter}, ignoring case. */
    public static PaperSize parse(String text) {
        String k = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (PaperSize p : values()) {
            if (p.name().equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("site.json paperSize '" + text + "' is not supported; use A4 or Letter");
    }
}
