package org.gapdesk.worksheet;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gapdesk.batch.ActivationChannel;

/**
 * Lays out a {@link Worksheet} as a print-quality PDF on A4 or Letter. Page one carries the full header
 * (site, lab, batch, channel, operator, date, kiosk key fingerprint, channel instructions); every page
 * carries the batch, the fingerprint and "page x of y". Each entry is one block that never splits across
 * pages: host or alias, product and Activation ID, the IID in numbered groups in a large monospace face,
 * and comb boxes for the CID blocks A-H to be written by hand. The portal channel adds a QR code of the
 * bare IID digits per entry; the telephone channel adds the answers the IVR asks for.
 */
public final class WorksheetPdf {
    static final float MARGIN = 40;
    static final float BLOCK_HEIGHT = 158;
    static final float BLOCK_GAP = 8;
    private static final float RUNNING_HEADER = 26;
    private static final float FOOTER = 22;
    private static final float RIGHT_COLUMN = 118;
    private static final float QR_MAX = 100;
    private static final float QR_MODULE = 3;
    private static final float LABEL_GREY = 0.35f;
    private static final float LEFT_X = 9;
    private static final int GROUPS_PER_ROW = 5;
    private static final int MAX_STEP_LINES = 14;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final String[] CID_BLOCKS = {"A", "B", "C", "D", "E", "F", "G", "H"};

    /** The PDF bytes of the worksheet. */
    public byte[] render(Worksheet worksheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(worksheet, out);
        return out.toByteArray();
    }

    /** Writes the PDF of the worksheet to {@code out} (not closed). */
    public void write(Worksheet worksheet, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            new Job(doc, worksheet).draw();
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write worksheet PDF: " + e.getMessage(), e);
        }
    }

    /** One rendering: the document, its fonts and the page plan. */
    private static final class Job {
        private final PDDocument doc;
        private final Worksheet ws;
        private final WorksheetFonts fonts;
        private final float pageW;
        private final float pageH;
        private final float contentW;
        private final List<String[]> steps = new ArrayList<>();
        private final float headerHeight;
        private PDFormXObject template;

        Job(PDDocument doc, Worksheet ws) throws IOException {
            this.doc = doc;
            this.ws = ws;
            this.fonts = WorksheetFonts.load(doc);
            this.pageW = ws.paper().width();
            this.pageH = ws.paper().height();
            this.contentW = pageW - 2 * MARGIN;
            planSteps();
            this.headerHeight = 99 + 22 + steps.size() * 11.5f + 8 + 12;
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

        void draw() throws IOException {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Activation worksheet, batch " + ws.batchId() + ", " + ws.lab());
            info.setSubject(ws.channel().label() + " channel, " + ws.entries().size() + " IIDs");
            info.setCreator("Gapdesk");
            info.setProducer("Gapdesk");
            info.setCreationDate(GregorianCalendar.from(ws.date()));

            List<List<WorksheetEntry>> pages = paginate();
            template = blockTemplate();
            List<BitMatrix> qrs = ws.channel() == ActivationChannel.PORTAL
                    ? ws.entries().parallelStream().map(e -> PortalQr.matrix(e.iid().digits())).toList()
                    : null;
            int index = 0;
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(ws.paper().box());
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    Pen pen = new Pen(cs);
                    float y = p == 0 ? drawHeader(pen) : drawRunningHeader(pen);
                    drawFooter(pen, p + 1, pages.size());
                    for (WorksheetEntry e : pages.get(p)) {
                        drawEntry(pen, e, qrs == null ? null : qrs.get(index), y);
                        index++;
                        y -= BLOCK_HEIGHT + BLOCK_GAP;
                    }
                    if (ws.entries().isEmpty()) {
                        pen.fillGrey(0);
                        pen.text(fonts.sans, 11, MARGIN, y - 14, "This batch has no entries.");
                    }
                }
            }
        }

        /** Splits the entries into pages: whole blocks only. */
        private List<List<WorksheetEntry>> paginate() {
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
            return Math.max(0, (int) Math.floor((height + BLOCK_GAP) / (BLOCK_HEIGHT + BLOCK_GAP)));
        }

        /** The full header of page one; returns the top of the first entry block. */
        private float drawHeader(Pen pen) throws IOException {
            float top = pageH - MARGIN;
            float right = MARGIN + contentW;
            pen.fillGrey(0);
            pen.text(fonts.sansBold, 18, MARGIN, top - 15, "Activation worksheet");
            pen.textRight(fonts.sansBold, 18, right, top - 15, "Batch " + ws.batchId());
            pen.fillGrey(LABEL_GREY);
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
            pen.fillGrey(LABEL_GREY);
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
            pen.fillGrey(LABEL_GREY);
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
            pen.fillGrey(LABEL_GREY);
            pen.text(fonts.sans, 8, x, y, label);
            pen.fillGrey(0);
            pen.text(fonts.sans, 10, x + 56, y, Pen.fit(fonts.sans, 10, value, width - 56));
        }

        /** The one-line header of pages after the first; returns the top of the first entry block. */
        private float drawRunningHeader(Pen pen) throws IOException {
            float top = pageH - MARGIN;
            String lead = "Activation worksheet \u00b7 Batch " + ws.batchId();
            pen.fillGrey(0);
            pen.text(fonts.sansBold, 9, MARGIN, top - 10, lead);
            float x = MARGIN + Pen.width(fonts.sansBold, 9, lead);
            String rest = "  \u00b7  " + ws.lab() + "  \u00b7  " + ws.channel().label() + " channel  \u00b7  "
                    + DATE.format(ws.date()) + "  \u00b7  " + ws.siteName();
            pen.fillGrey(LABEL_GREY);
            pen.text(fonts.sans, 9, x, top - 10, Pen.fit(fonts.sans, 9, rest, MARGIN + contentW - x));
            pen.strokeGrey(0, 0.8f);
            pen.line(MARGIN, top - 16, MARGIN + contentW, top - 16);
            return top - RUNNING_HEADER;
        }

        private void drawFooter(Pen pen, int page, int pages) throws IOException {
            pen.strokeGrey(0.6f, 0.5f);
            pen.line(MARGIN, MARGIN + 12, MARGIN + contentW, MARGIN + 12);
            String pageText = "Page " + page + " of " + pages;
            pen.fillGrey(0);
            pen.textRight(fonts.sansBold, 8, MARGIN + contentW, MARGIN + 2, pageText);
            String label = "Kiosk key fingerprint  ";
            pen.fillGrey(LABEL_GREY);
            pen.text(fonts.sans, 7, MARGIN, MARGIN + 2, label);
            float x = MARGIN + Pen.width(fonts.sans, 7, label);
            float room = MARGIN + contentW - Pen.width(fonts.sansBold, 8, pageText) - 12 - x;
            pen.fillGrey(0);
            pen.text(fonts.mono, 7.5f, x, MARGIN + 2, Pen.fit(fonts.mono, 7.5f, ws.fingerprint(), room));
        }

        /**
         * The parts every entry block shares (frame, header bar, labels, group numbers, CID comb boxes, the
         * channel's right column), drawn once as a form and placed under each entry: small and fast.
         */
        private PDFormXObject blockTemplate() throws IOException {
            PDAppearanceStream form = new PDAppearanceStream(doc);
            form.setBBox(new PDRectangle(0, 0, contentW, BLOCK_HEIGHT));
            form.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, form)) {
                Pen pen = new Pen(cs);
                float top = BLOCK_HEIGHT;
                float w = contentW;
                pen.fillGrey(0.9f);
                pen.fillRect(0, top - 18, w, 18);
                pen.strokeGrey(0.45f, 0.75f);
                pen.strokeRect(0, 0, w, BLOCK_HEIGHT);
                pen.fillGrey(LABEL_GREY);
                pen.text(fonts.sans, 7, LEFT_X, top - 29, "Activation ID");

                pen.text(fonts.sansBold, 7, LEFT_X, top - 42, "INSTALLATION ID");
                String hint = ws.channel() == ActivationChannel.PHONE
                        ? "read each group when the system asks for it"
                        : "scan the QR code on the portal, or type the groups";
                pen.text(fonts.sans, 7, LEFT_X + Pen.width(fonts.sansBold, 7, "INSTALLATION ID") + 6, top - 42, hint);
                for (int g = 0; g < 9; g++) {
                    pen.text(fonts.sansBold, 7, groupX(g) + 1, groupLabelY(g, top), String.valueOf(g + 1));
                }
                drawCidBoxes(pen, top);

                float rx = w - RIGHT_COLUMN;
                pen.strokeGrey(0.75f, 0.5f);
                pen.line(rx, top - 22, rx, 4);
                if (ws.channel() == ActivationChannel.PORTAL) {
                    pen.fillGrey(LABEL_GREY);
                    pen.textCentred(fonts.sans, 6.5f, rx + RIGHT_COLUMN / 2, top - 21 - QR_MAX - 8,
                            "IID digits, for the portal");
                } else {
                    drawIvrAnswers(pen, rx, top);
                }
                pen.strokeGrey(0.2f, 0.7f);
                pen.strokeRect(rx + 10, 7, 8, 8);
                pen.fillGrey(LABEL_GREY);
                pen.text(fonts.sans, 7.5f, rx + 23, 8.5f, "Keyed in at the kiosk");
            }
            return form;
        }

        private float leftWidth() {
            return contentW - RIGHT_COLUMN - 8 - LEFT_X;
        }

        private float groupX(int g) {
            return LEFT_X + (g % GROUPS_PER_ROW) * (leftWidth() / GROUPS_PER_ROW);
        }

        private static float groupLabelY(int g, float top) {
            return top - 53 - (g / GROUPS_PER_ROW) * 28;
        }

        private void drawEntry(Pen pen, WorksheetEntry e, BitMatrix qr, float top) throws IOException {
            float x0 = MARGIN;
            float w = contentW;
            float bottom = top - BLOCK_HEIGHT;
            PDPageContentStream cs = pen.stream();
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(x0, bottom));
            cs.drawForm(template);
            cs.restoreGraphicsState();

            pen.fillGrey(0);
            String pos = "#" + e.position();
            pen.text(fonts.sansBold, 10, x0 + 7, top - 12.5f, pos);
            float nx = x0 + 7 + Pen.width(fonts.sansBold, 10, pos) + 10;
            String name = Pen.fit(fonts.sansBold, 11, e.machineName().isEmpty() ? "(no name)" : e.machineName(),
                    w * 0.45f);
            pen.text(fonts.sansBold, 11, nx, top - 13, name);
            float after = nx + Pen.width(fonts.sansBold, 11, name) + 6;
            if (e.alias()) {
                pen.fillGrey(LABEL_GREY);
                pen.text(fonts.sans, 8, after, top - 13, "(alias)");
                after += Pen.width(fonts.sans, 8, "(alias)") + 6;
                pen.fillGrey(0);
            }
            String product = e.productName().isEmpty() ? "(product not named)" : e.productName();
            pen.textRight(fonts.sans, 9, x0 + w - 7, top - 12.5f,
                    Pen.fit(fonts.sans, 9, product, x0 + w - 7 - after - 12));

            float lx = x0 + LEFT_X;
            float ax = lx + Pen.width(fonts.sans, 7, "Activation ID") + 5;
            if (e.activationId() == null) {
                pen.text(fonts.sans, 8, ax, top - 29, "not reported");
                ax += Pen.width(fonts.sans, 8, "not reported");
            } else {
                String aid = Pen.fit(fonts.mono, 8, e.activationId(), leftWidth() * 0.75f);
                pen.text(fonts.mono, 8, ax, top - 29, aid);
                ax += Pen.width(fonts.mono, 8, aid);
            }
            if (e.partialKey() != null) {
                pen.fillGrey(LABEL_GREY);
                pen.text(fonts.sans, 7, ax + 14, top - 29, "Key ends in");
                pen.fillGrey(0);
                pen.text(fonts.mono, 8, ax + 14 + Pen.width(fonts.sans, 7, "Key ends in") + 5, top - 29,
                        Pen.fit(fonts.mono, 8, e.partialKey(), 40));
            }

            List<String> groups = e.iid().groups();
            int widest = groups.stream().mapToInt(String::length).max().orElse(7);
            float size = Math.min(17, (leftWidth() / GROUPS_PER_ROW - 14) / (widest * 0.602f));
            float[] xs = new float[groups.size()];
            float[] ys = new float[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                xs[g] = x0 + groupX(g);
                ys[g] = groupLabelY(g, top) - 15.5f;
            }
            pen.texts(fonts.monoBold, size, xs, ys, groups);

            if (qr != null) {
                float module = Math.min(QR_MODULE, QR_MAX / qr.getWidth());
                float qrSize = module * qr.getWidth();
                float rx = x0 + w - RIGHT_COLUMN;
                cs.drawImage(PortalQr.image(qr), rx + (RIGHT_COLUMN - qrSize) / 2, top - 21 - qrSize, qrSize, qrSize);
            }
        }

        private void drawCidBoxes(Pen pen, float top) throws IOException {
            pen.fillGrey(LABEL_GREY);
            pen.text(fonts.sansBold, 7, LEFT_X, top - 110, "CONFIRMATION ID");
            pen.text(fonts.sans, 7, LEFT_X + Pen.width(fonts.sansBold, 7, "CONFIRMATION ID") + 6, top - 110,
                    "write blocks A to H as you hear or see them, six digits each");
            float letterW = 12;
            float gap = 10;
            float cellW = Math.min(15, (leftWidth() - 4 * letterW - 3 * gap) / 24);
            float cellH = 18;
            pen.fillGrey(0);
            for (int b = 0; b < CID_BLOCKS.length; b++) {
                int row = b / 4;
                float bx = LEFT_X + (b % 4) * (letterW + 6 * cellW + gap);
                float rowTop = top - 114 - row * 22;
                pen.text(fonts.sansBold, 10, bx, rowTop - 13, CID_BLOCKS[b]);
                float cx = bx + letterW;
                pen.strokeGrey(0.7f, 0.4f);
                for (int i = 1; i < 6; i++) {
                    pen.line(cx + i * cellW, rowTop - cellH, cx + i * cellW, rowTop);
                }
                pen.strokeGrey(0.15f, 0.8f);
                pen.strokeRect(cx, rowTop - cellH, 6 * cellW, cellH);
            }
        }

        private void drawIvrAnswers(Pen pen, float rx, float top) throws IOException {
            float x = rx + 10;
            pen.fillGrey(LABEL_GREY);
            pen.text(fonts.sansBold, 7, x, top - 42, "THE SYSTEM ASKS");
            pen.fillGrey(0);
            pen.text(fonts.sans, 7.5f, x, top - 56, "Volume licence customer?");
            pen.text(fonts.sansBold, 11, x, top - 70, "Yes");
            pen.text(fonts.sans, 7.5f, x, top - 86, "Installed on how many");
            pen.text(fonts.sans, 7.5f, x, top - 95, "computers?");
            pen.text(fonts.sansBold, 11, x, top - 109, "1  (one)");
        }
    }
}
