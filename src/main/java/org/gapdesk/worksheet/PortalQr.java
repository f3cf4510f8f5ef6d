package org.gapdesk.worksheet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The per-machine QR code of the portal channel: the bare IID digits (so ZXing encodes them in numeric
 * mode: a 63-digit IID fits version 2, 25 x 25 modules), error correction M, a 4-module quiet zone. Drawn
 * as a 1-bit lossless image, one pixel per module, scaled without interpolation.
 */
public final class PortalQr {
    /** Quiet zone on every side, in modules (the QR specification's minimum). */
    public static final int QUIET_ZONE = 4;

    private PortalQr() {
    }

    /** The modules including the quiet zone; {@code true} is a dark module. */
    public static BitMatrix matrix(String iidDigits) {
        try {
            return new QRCodeWriter().encode(iidDigits, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode IID as QR: " + e.getMessage(), e);
        }
    }

    /** The QR as a 1-bit image XObject in {@code doc}, one pixel per module. */
    static PDImageXObject image(PDDocument doc, BitMatrix matrix) throws IOException {
        return LosslessFactory.createFromImage(doc, MatrixToImageWriter.toBufferedImage(matrix));
    }
}
