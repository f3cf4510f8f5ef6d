package org.gapdesk.worksheet;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import org.gapdesk.batch.ActivationChannel;

/**
 * The block of one worksheet entry, never split across pages: host or alias, product and Activation ID, the IID
 * in numbered groups, comb boxes for CID blocks A-H, and the channel's right column (the portal QR code or the
 * IVR answers).
 */
final class EntryBlock {
    /** Height of a block, in points. */
    static final float HEIGHT = 158;
    /** Space between two blocks, in points. */
    static final float GAP = 8;
    private static final float RIGHT_COLUMN = 118;
    private static final float QR_MAX = 100;
    private static final float QR_MODULE = 3;
    private static final float LEFT_X = 9;
    private static final int GROUPS_PER_ROW = 5;
    private static final String[] CID_BLOCKS = {"A", "B", "C", "D", "E", "F", "G", "H"};

    private final ActivationChannel channel;
    private final WorksheetFonts fonts;
    private final float contentW;
    private final PDFormXObject template;

    /** Draws the parts every block of this worksheet shares into {@code doc}, once. */
    EntryBlock(PDDocument doc, ActivationChannel channel, WorksheetFonts fonts, float contentW) throws IOException {
        this.channel = channel;
        this.fonts = fonts;
        this.contentW = contentW;
        this.template = template(doc);
    }

    /**
     * The parts every entry block shares (frame, header bar, labels, group numbers, CID comb boxes, the
     * channel's right column), drawn once as a form and placed under each entry: small and fast.
     */
    private PDFormXObject template(PDDocument doc) throws IOException {
        PDAppearanceStream form = new PDAppearanceStream(doc);
        form.setBBox(new PDRectangle(0, 0, contentW, HEIGHT));
        form.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, form)) {
            Pen pen = new Pen(cs);
            float top = HEIGHT;
            float w = contentW;
            pen.fillGrey(0.9f);
            pen.fillRect(0, top - 18, w, 18);
            pen.strokeGrey(0.45f, 0.75f);
            pen.strokeRect(0, 0, w, HEIGHT);
            pen.fillGrey(Pen.LABEL_GREY);
            pen.text(fonts.sans, 7, LEFT_X, top - 29, "Activation ID");

            pen.text(fonts.sansBold, 7, LEFT_X, top - 42, "INSTALLATION ID");
            String hint = channel == ActivationChannel.PHONE
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
            if (channel == ActivationChannel.PORTAL) {
                pen.fillGrey(Pen.LABEL_GREY);
                pen.textCentred(fonts.sans, 6.5f, rx + RIGHT_COLUMN / 2, top - 21 - QR_MAX - 8,
                        "IID digits, for the portal");
            } else {
                drawIvrAnswers(pen, rx, top);
            }
            pen.strokeGrey(0.2f, 0.7f);
            pen.strokeRect(rx + 10, 7, 8, 8);
            pen.fillGrey(Pen.LABEL_GREY);
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

    /**
     * Draws the block of {@code e} with its top-left corner at ({@code x0}, {@code top}).
     *
     * @param qr the entry's portal QR code, or null for none
     */
    void draw(Pen pen, WorksheetEntry e, BitMatrix qr, float x0, float top) throws IOException {
        float w = contentW;
        float bottom = top - HEIGHT;
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
            pen.fillGrey(Pen.LABEL_GREY);
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
            pen.fillGrey(Pen.LABEL_GREY);
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
        pen.fillGrey(Pen.LABEL_GREY);
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
        pen.fillGrey(Pen.LABEL_GREY);
        pen.text(fonts.sansBold, 7, x, top - 42, "THE SYSTEM ASKS");
        pen.fillGrey(0);
        pen.text(fonts.sans, 7.5f, x, top - 56, "Volume licence customer?");
        pen.text(fonts.sansBold, 11, x, top - 70, "Yes");
        pen.text(fonts.sans, 7.5f, x, top - 86, "Installed on how many");
        pen.text(fonts.sans, 7.5f, x, top - 95, "computers?");
        pen.text(fonts.sansBold, 11, x, top - 109, "1  (one)");
    }
}
