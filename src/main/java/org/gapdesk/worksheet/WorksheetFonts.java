package org.gapdesk.worksheet;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The worksheet's typefaces, DejaVu Sans and DejaVu Sans Mono (regular and bold), shipped in the jar under
 * {@code /fonts} and embedded as subsets in every document.
 */
final class WorksheetFonts {
    final PDType0Font sans;
    final PDType0Font sansBold;
    final PDType0Font mono;
    final PDType0Font monoBold;

    private WorksheetFonts(PDType0Font sans, PDType0Font sansBold, PDType0Font mono, PDType0Font monoBold) {
        this.sans = sans;
        this.sansBold = sansBold;
        this.mono = mono;
        this.monoBold = monoBold;
    }

    /** Loads the four faces into {@code doc}. */
    static WorksheetFonts load(PDDocument doc) throws IOException {
        return new WorksheetFonts(font(doc, "DejaVuSans.ttf"), font(doc, "DejaVuSans-Bold.ttf"),
                font(doc, "DejaVuSansMono.ttf"), font(doc, "DejaVuSansMono-Bold.ttf"));
    }

    private static PDType0Font font(PDDocument doc, String name) throws IOException {
        try (InputStream in = WorksheetFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/" + name + " is missing from the jar");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /**
     * The text with every character the font cannot show (and every control character) replaced by
     * {@code ?}, so a hostile or exotic host name never breaks a worksheet.
     */
    static String printable(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        CmapLookup cmap = font.getCmapLookup();
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                sb.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || cmap.getGlyphId(cp) == 0) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
