package org.gapdesk.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.gapdesk.qr.QrPayloads;
import org.gapdesk.qr.QrRequest;

/** Request sets as Gapdesk QR messages, and their codes as images, for the QR page tests. */
final class QrFixture {
    static final String WINDOWS_MAK = "2de67392-b7a7-462a-b1ca-108dd189f588";
    static final String OFFICE_MAK = "fbdb3e18-a8ef-4fb3-9183-dffd60bd0984";

    private QrFixture() {
    }

    /** {@code machines} machines {@code PC-001}... of LAB-A, each with Windows, every third also with Office. */
    static QrRequest lab(int machines, long seed) {
        TestIds ids = new TestIds(seed);
        Product windows = new Product(WINDOWS_MAK, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition",
                "Volume:MAK", "3V66T", 1);
        Product office = new Product(OFFICE_MAK, Product.OFFICE_APP_ID, "Office 21, OfficeLTSC2021ProPlus2021MAK"
                + " edition", "Volume:MAK", "7TQ4K", 5);
        List<QrRequest.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= machines; i++) {
            String name = String.format("PC-%03d", i);
            entries.add(new QrRequest.Entry(name, false, windows, TestIds.digits(ids.iid63())));
            if (i % 3 == 0) {
                entries.add(new QrRequest.Entry(name, false, office, TestIds.digits(ids.iid63())));
            }
        }
        return new QrRequest("LAB-A", entries);
    }

    /** The parts of {@code request}'s message, at most {@code partChars} characters each. */
    static List<String> parts(QrRequest request, int partChars) {
        return QrPayloads.encode(request, partChars);
    }

    /** {@code machine IID} of every entry, sorted: what the record must hold after the import. */
    static Set<String> expected(QrRequest request) {
        Set<String> out = new TreeSet<>();
        for (QrRequest.Entry e : request.entries()) {
            out.add(e.machine() + " " + e.iid());
        }
        return out;
    }

    /** {@code machine IID} of every stored request, sorted. */
    static Set<String> stored(List<ActivationRequest> requests) {
        Set<String> out = new TreeSet<>();
        for (ActivationRequest r : requests) {
            out.add(r.machine().name() + " " + r.iid().digits());
        }
        return out;
    }

    /** The code for {@code text} (level M, quiet zone of 4 modules), {@code module} pixels a module. */
    static BitMatrix matrix(String text, int module) {
        try {
            BitMatrix bare = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, bare.getWidth() * module,
                    bare.getHeight() * module, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A grey-background image with the code for {@code text} in it, as a photo of a screen might frame it. */
    static BufferedImage photo(String text, int width, int height) {
        BitMatrix m = matrix(text, 4);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int x0 = (width - m.getWidth()) / 2;
        int y0 = (height - m.getHeight()) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = x - x0;
                int my = y - y0;
                boolean inside = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight();
                int v = inside ? (m.get(mx, my) ? 30 : 225) : 120;
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** {@code image} as a file of {@code format} ({@code png}, {@code jpg}). */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
