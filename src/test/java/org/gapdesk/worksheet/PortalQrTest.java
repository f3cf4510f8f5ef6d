package org.gapdesk.worksheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalQrTest {
    @TempDir
    Path dir;

    @Test
    void everyPortalQrDecodesFromTheRenderedPagesToTheExactIidDigits() throws IOException {
        try (WorksheetFixture f = new WorksheetFixture(dir).machines(9)) {
            Batch batch = f.batch(ActivationChannel.PORTAL);
            Worksheet ws = f.service().worksheet(batch.id());
            byte[] pdf = new WorksheetPdf().render(ws);

            List<String> decoded = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int p = 0; p < doc.getNumberOfPages(); p++) {
                    BufferedImage image = renderer.renderImageWithDPI(p, 200, ImageType.GRAY);
                    List<Result> results = decodeAll(image);
                    results.sort((a, b) -> Float.compare(a.getResultPoints()[1].getY(), b.getResultPoints()[1].getY()));
                    results.forEach(r -> decoded.add(r.getText()));
                }
            }
            List<String> expected = ws.entries().stream().map(e -> e.iid().digits()).toList();
            assertEquals(expected, decoded, "one QR per entry, in worksheet order, holding the bare IID digits");
            assertEquals(10, decoded.size());
        }
    }

    @Test
    void theQrIsNumericModeWithErrorCorrectionMAndAQuietZone() throws WriterException {
        String iid = TestIds.digits(new TestIds(5).iid63());
        QRCode code = Encoder.encode(iid, ErrorCorrectionLevel.M);
        assertEquals(Mode.NUMERIC, code.getMode());
        assertEquals(2, code.getVersion().getVersionNumber(), "63 digits fit version 2 (25 x 25) at level M");
        var matrix = PortalQr.matrix(iid);
        assertEquals(25 + 2 * PortalQr.QUIET_ZONE, matrix.getWidth());
        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int q = 0; q < PortalQr.QUIET_ZONE; q++) {
                assertEquals(false, matrix.get(i, q) || matrix.get(q, i) || matrix.get(i, matrix.getHeight() - 1 - q)
                        || matrix.get(matrix.getWidth() - 1 - q, i), "quiet zone is light");
            }
        }
    }

    private static List<Result> decodeAll(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new ArrayList<>(List.of(new QRCodeMultiReader().decodeMultiple(bitmap,
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))));
        } catch (NotFoundException e) {
            return new ArrayList<>();
        }
    }
}
