package org.gapdesk.worksheet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;

/**
 * The per-machine QR code of the portal channel: the bare IID digits (so ZXing encodes them in numeric
 * mode: a 63-digit IID fits version 2, 25 x 25 modules), error correction M, a 4-module quiet zone. Drawn
 * as a 1-bit lossless inline image, one pixel per module, scaled without interpolation.
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

    /**
     * The QR as a 1-bit DeviceGray inline image, one pixel per module (0 dark, 1 light), rows padded to whole
     * bytes. Inline, it costs no object of its own and is compressed with the page's content stream.
     */
    static PDInlineImage image(BitMatrix matrix) throws IOException {
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        int rowBytes = (w + 7) / 8;
        byte[] data = new byte[rowBytes * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!matrix.get(x, y)) {
                    data[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        COSDictionary params = new COSDictionary();
        params.setInt(COSName.W, w);
        params.setInt(COSName.H, h);
        params.setInt(COSName.BPC, 1);
        params.setItem(COSName.CS, COSName.DEVICEGRAY);
        return new PDInlineImage(params, data, null);
    }
}
