package org.gapdesk.worksheet;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
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
    /** The PDF bytes of the worksheet. */
    public byte[] render(Worksheet worksheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(worksheet, out);
        return out.toByteArray();
    }

    /** Writes the PDF of the worksheet to {@code out} (not closed). */
    public void write(Worksheet worksheet, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            draw(doc, worksheet);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write worksheet PDF: " + e.getMessage(), e);
        }
    }

    private static void draw(PDDocument doc, Worksheet ws) throws IOException {
        WorksheetFonts fonts = WorksheetFonts.load(doc);
        PageFrame frame = new PageFrame(ws, fonts);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Activation worksheet, batch " + ws.batchId() + ", " + ws.lab());
        info.setSubject(ws.channel().label() + " channel, " + ws.entries().size() + " IIDs");
        info.setCreator("Gapdesk");
        info.setProducer("Gapdesk");
        info.setCreationDate(GregorianCalendar.from(ws.date()));

        List<List<WorksheetEntry>> pages = frame.paginate();
        EntryBlock block = new EntryBlock(doc, ws.channel(), fonts, frame.contentWidth());
        List<BitMatrix> qrs = ws.channel() == ActivationChannel.PORTAL
                ? ws.entries().parallelStream().map(e -> PortalQr.matrix(e.iid().digits())).toList()
                : null;
        int index = 0;
        for (int p = 0; p < pages.size(); p++) {
            PDPage page = new PDPage(ws.paper().box());
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Pen pen = new Pen(cs);
                float y = p == 0 ? frame.drawHeader(pen) : frame.drawRunningHeader(pen);
                frame.drawFooter(pen, p + 1, pages.size());
                for (WorksheetEntry e : pages.get(p)) {
                    block.draw(pen, e, qrs == null ? null : qrs.get(index), PageFrame.MARGIN, y);
                    index++;
                    y -= EntryBlock.HEIGHT + EntryBlock.GAP;
                }
                if (ws.entries().isEmpty()) {
                    pen.fillGrey(0);
                    pen.text(fonts.sans, 11, PageFrame.MARGIN, y - 14, "This batch has no entries.");
                }
            }
        }
    }
}
