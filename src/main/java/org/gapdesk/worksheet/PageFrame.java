package org.gapdesk.worksheet;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The page plan of one worksheet: which entry blocks go on which page, the full header of page one (with the
 * channel instructions), the one-line header of later pages and the footer of every page.
 */
final class PageFrame {
    /** Margin on every side of the page, in points. */
    static final float MARGIN = 40;
    private static final float RUNNING_HEADER = 26;
    private static final float FOOTER = 22;
    private static final int MAX_STEP_LINES = 14;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final Worksheet ws;
    private final WorksheetFonts fonts;
    private final float pageH;
    private final float contentW;
    private final List<String[]> steps = new ArrayList<>();
    private final float headerHeight;

    PageFrame(Worksheet ws, WorksheetFonts fonts) {
        this.ws = ws;
        this.fonts = fonts;
        this.pageH = ws.paper().height();
        this.contentW = ws.paper().width() - 2 * MARGIN;
        planSteps();
        this.headerHeight = 99 + 22 + steps.size() * 11.5f + 8 + 12;
    }

    /** Width between the margins, in points. */
    float contentWidth() {
        return contentW;
    }

    /** Wraps the channel instructions: each line is {number or "", text}. */
    private void planSteps() {
        int n = 0;
        for (String step : ws.instructions().steps()) {
            n++;
            List<String> lines = Pen.wrap(fonts.sans, 9, step, contentW - 16 - 16);
            for (int i = 0; i < lines.size() && steps.size() < MAX_STEP_LINES; i++) {
                steps.add(new String[] {i == 0 ? n + "." : "", lines.get(i)});
            }
        }
    }

    /** Splits the entries into pages: whole blocks only. */
    List<List<WorksheetEntry>> paginate() {
        float bottom = MARGIN + FOOTER;
        int first = fit(pageH - MARGIN - headerHeight - bottom);
        int other = Math.max(1, fit(pageH - MARGIN - RUNNING_HEADER - bottom));
        List<List<WorksheetEntry>> pages = new ArrayList<>();
        List<WorksheetEntry> all = ws.entries();
        pages.add(new ArrayList<>(all.subList(0, Math.min(first, all.size()))));
        for (int i = Math.min(first, all.size()); i < all.size(); i += other) {
            pages.add(new ArrayList<>(all.subList(i, Math.min(all.size(), i + other))));
        }
        return pages;
    }

    private static int fit(float height) {
        return Math.max(0, (int) Math.floor((height + EntryBlock.GAP) / (EntryBlock.HEIGHT + EntryBlock.GAP)));
    }

    /** The full header of page one; returns the top of the first entry block. */
    float drawHeader(Pen pen) throws IOException {
        float top = pageH - MARGIN;
        float right = MARGIN + contentW;
        pen.fillGrey(0);
        pen.text(fonts.sansBold, 18, MARGIN, top - 15, "Activation worksheet");
        pen.textRight(fonts.sansBold, 18, right, top - 15, "Batch " + ws.batchId());
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 10, MARGIN, top - 31, Pen.fit(fonts.sans, 10, ws.siteName(), contentW * 0.6f));
        pen.textRight(fonts.sans, 10, right, top - 31, ws.channel().label() + " channel");
        pen.strokeGrey(0, 1f);
        pen.line(MARGIN, top - 39, right, top - 39);

        float half = contentW / 2;
        String lab = ws.labName() == null || ws.labName().isBlank() ? ws.lab()
                : ws.lab() + " \u2014 " + ws.labName();
        meta(pen, MARGIN, top - 54, "Lab", lab, half - 10);
        meta(pen, MARGIN + half, top - 54, "Operator", ws.operator(), half);
        meta(pen, MARGIN, top - 69, "Date", DATE.format(ws.date()), half - 10);
        meta(pen, MARGIN + half, top - 69, "Entries", ws.entries().size() + (ws.entries().size() == 1
                ? " IID on " : " IIDs on ") + ws.machineCount()
                + (ws.machineCount() == 1 ? " machine" : " machines"), half);
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 8, MARGIN, top - 84, "Kiosk key");
        pen.fillGrey(0);
        pen.text(fonts.monoBold, 9, MARGIN + 56, top - 84,
                Pen.fit(fonts.monoBold, 9, ws.fingerprint(), contentW - 56));

        float boxTop = top - 99;
        float boxBottom = boxTop - 22 - steps.size() * 11.5f - 8;
        pen.fillGrey(0.96f);
        pen.fillRect(MARGIN, boxBottom, contentW, boxTop - boxBottom);
        pen.strokeGrey(0.6f, 0.6f);
        pen.strokeRect(MARGIN, boxBottom, contentW, boxTop - boxBottom);
        pen.fillGrey(0);
        ChannelInstructions in = ws.instructions();
        pen.text(fonts.sansBold, 10, MARGIN + 8, boxTop - 14, in.title());
        float titleW = Pen.width(fonts.sansBold, 10, in.title());
        String contactLabel = in.contactLabel() + ": ";
        float cx = MARGIN + 8 + titleW + 18;
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 9, cx, boxTop - 14, contactLabel);
        pen.fillGrey(0);
        float cw = Pen.width(fonts.sans, 9, contactLabel);
        pen.text(fonts.sansBold, 10, cx + cw, boxTop - 14,
                Pen.fit(fonts.sansBold, 10, in.contact(), right - 8 - cx - cw));
        float y = boxTop - 14 - 15;
        for (String[] line : steps) {
            pen.text(fonts.sansBold, 9, MARGIN + 10, y, line[0]);
            pen.text(fonts.sans, 9, MARGIN + 24, y, line[1]);
            y -= 11.5f;
        }
        return boxBottom - 12;
    }

    private void meta(Pen pen, float x, float y, String label, String value, float width) throws IOException {
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 8, x, y, label);
        pen.fillGrey(0);
        pen.text(fonts.sans, 10, x + 56, y, Pen.fit(fonts.sans, 10, value, width - 56));
    }

    /** The one-line header of pages after the first; returns the top of the first entry block. */
    float drawRunningHeader(Pen pen) throws IOException {
        float top = pageH - MARGIN;
        String lead = "Activation worksheet \u00b7 Batch " + ws.batchId();
        pen.fillGrey(0);
        pen.text(fonts.sansBold, 9, MARGIN, top - 10, lead);
        float x = MARGIN + Pen.width(fonts.sansBold, 9, lead);
        String rest = "  \u00b7  " + ws.lab() + "  \u00b7  " + ws.channel().label() + " channel  \u00b7  "
                + DATE.format(ws.date()) + "  \u00b7  " + ws.siteName();
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 9, x, top - 10, Pen.fit(fonts.sans, 9, rest, MARGIN + contentW - x));
        pen.strokeGrey(0, 0.8f);
        pen.line(MARGIN, top - 16, MARGIN + contentW, top - 16);
        return top - RUNNING_HEADER;
    }

    /** The rule, the key fingerprint and "Page x of y" at the foot of a page. */
    void drawFooter(Pen pen, int page, int pages) throws IOException {
        pen.strokeGrey(0.6f, 0.5f);
        pen.line(MARGIN, MARGIN + 12, MARGIN + contentW, MARGIN + 12);
        String pageText = "Page " + page + " of " + pages;
        pen.fillGrey(0);
        pen.textRight(fonts.sansBold, 8, MARGIN + contentW, MARGIN + 2, pageText);
        String label = "Kiosk key fingerprint  ";
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sans, 7, MARGIN, MARGIN + 2, label);
        float x = MARGIN + Pen.width(fonts.sans, 7, label);
        float room = MARGIN + contentW - Pen.width(fonts.sansBold, 8, pageText) - 12 - x;
        pen.fillGrey(0);
        pen.text(fonts.mono, 7.5f, x, MARGIN + 2, Pen.fit(fonts.mono, 7.5f, ws.fingerprint(), room));
    }
}
