package org.gapdesk.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds and decodes every QR code in an image: photos of a lab screen taken with a phone (rotated, skewed,
 * moire, low contrast), webcam frames, scans. Each version of the image below is binarized twice (ZXing's
 * hybrid, then global histogram binarizer) and read by ZXing's multi-code QR reader, then its single-code
 * reader, then {@link QrGridRefiner} (a second chance for codes photographed at an angle); decoding stops at
 * the first version that yields codes:
 * <ol>
 * <li>the image as it is (also inverted: a light code on a dark screen);
 * <li>contrast stretched (1st to 99th percentile);
 * <li>lightly blurred, and shrunk to half (both smooth out moire from a screen's pixel grid);
 * <li>sharpened (against blur);
 * <li>enlarged twice, plain and smoothed then sharpened (small modules; images up to 2.5 megapixels);
 * <li>turned a quarter, half and three quarters.
 * </ol>
 * Images over 4 megapixels are first shrunk by area averaging. A frame ({@link #decodeFrame}) tries only the
 * first version, not inverted, for live video.
 *
 * <p>Image files are checked before any pixel is decoded: the byte size, then the dimensions from the header
 * (so a small file declaring a huge image cannot exhaust memory); large photos are subsampled while they are
 * read, in memory (no temporary files). Thread-safe.
 */
public final class QrImageDecoder {
    /** Images with more pixels are shrunk (by area averaging) before decoding. */
    private static final int WORK_PIXELS = 4_000_000;

    private final QrImageLimits limits;
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);

    /**
     * A photo to decode.
     *
     * @param name the file name as the technician saw it
     * @param bytes the image file (PNG, JPEG, GIF or BMP)
     */
    public record Photo(String name, byte[] bytes) {
    }

    /**
     * What one photo gave.
     *
     * @param name the photo's name
     * @param texts the text of every QR code found, in the order found; empty when none was found
     * @param error why the photo could not be read at all, or null
     */
    public record PhotoResult(String name, List<String> texts, String error) {
        public PhotoResult {
            texts = List.copyOf(texts);
        }
    }

    public QrImageDecoder() {
        this(QrImageLimits.DEFAULT);
    }

    public QrImageDecoder(QrImageLimits limits) {
        this.limits = limits;
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    }

    /**
     * Decodes several photos; a photo that cannot be read gets an error and the others are still decoded.
     *
     * @throws IllegalArgumentException when there are more photos than {@link QrImageLimits#maxImages()}
     */
    public List<PhotoResult> decodePhotos(List<Photo> photos) {
        if (photos.size() > limits.maxImages()) {
            throw new IllegalArgumentException(photos.size() + " photos is more than the limit of "
                    + limits.maxImages() + " at once");
        }
        List<PhotoResult> out = new ArrayList<>(photos.size());
        for (Photo p : photos) {
            try {
                out.add(new PhotoResult(p.name(), decode(p.name(), p.bytes()), null));
            } catch (QrImageException e) {
                out.add(new PhotoResult(p.name(), List.of(), e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Reads an image file and decodes every QR code in it, trying all preprocessing steps.
     *
     * @param name how to name the image in messages
     * @return the texts found, possibly none
     * @throws QrImageException when the file is over a limit, not an image, or damaged
     */
    public List<String> decode(String name, byte[] bytes) throws QrImageException {
        return decodeGray(read(name, bytes), true);
    }

    /** Decodes every QR code in {@code image}, trying all preprocessing steps. */
    public List<String> decode(BufferedImage image) {
        return decodeGray(GrayImage.of(image), true);
    }

    /** Decodes a webcam frame quickly: the image as it is, with both binarizers, nothing else. */
    public List<String> decodeFrame(BufferedImage image) {
        return decodeGray(GrayImage.of(image), false);
    }

    /**
     * Decodes a webcam frame sent as an image file (PNG or JPEG), quickly.
     *
     * @throws QrImageException when the file is over a limit, not an image, or damaged
     */
    public List<String> decodeFrame(String name, byte[] bytes) throws QrImageException {
        return decodeGray(read(name, bytes), false);
    }

    /** The image's luminance, subsampled while reading when it is over {@link QrImageLimits#readPixels()}. */
    GrayImage read(String name, byte[] bytes) throws QrImageException {
        if (bytes.length > limits.maxBytes()) {
            throw new QrImageException(name + ": " + bytes.length + " bytes is over the limit of " + limits.maxBytes()
                    + " bytes for an image");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new QrImageException(name + ": not an image Gapdesk reads (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > limits.maxSide() || h > limits.maxSide()
                        || (long) w * h > limits.maxPixels()) {
                    throw new QrImageException(name + ": " + w + " x " + h + " pixels is over the limit of "
                            + limits.maxPixels() + " pixels (" + limits.maxSide() + " a side)");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                long pixels = (long) w * h;
                if (pixels > limits.readPixels()) {
                    int step = (int) Math.ceil(Math.sqrt((double) pixels / limits.readPixels()));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return GrayImage.of(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new QrImageException(name + ": the image cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private List<String> decodeGray(GrayImage original, boolean thorough) {
        GrayImage base = original;
        if (base.pixelCount() > WORK_PIXELS) {
            base = base.shrink((int) Math.ceil(Math.sqrt((double) base.pixelCount() / WORK_PIXELS)));
        }
        Set<String> found = new LinkedHashSet<>();
        GrayImage image = base;
        List<Function<GrayImage, GrayImage>> steps = new ArrayList<>();
        steps.add(g -> g);
        if (thorough) {
            steps.add(GrayImage::stretchContrast);
            steps.add(g -> g.boxBlur(1));
            steps.add(g -> g.width >= 600 && g.height >= 600 ? g.shrink(2) : null);
            steps.add(g -> g.sharpen(2, 1.0));
            steps.add(g -> g.pixelCount() <= 2_500_000 ? g.resize(2) : null);
            steps.add(g -> g.pixelCount() <= 2_500_000 ? g.boxBlur(1).resize(2).sharpen(3, 1.0) : null);
            steps.add(GrayImage::rotate90);
            steps.add(GrayImage::rotate180);
            steps.add(g -> g.rotate90().rotate180());
        }
        for (Function<GrayImage, GrayImage> step : steps) {
            GrayImage g = step.apply(image);
            if (g == null) {
                continue;
            }
            LuminanceSource source = new GrayLuminanceSource(g);
            decodeWith(new HybridBinarizer(source), g, found);
            if (found.isEmpty()) {
                decodeWith(new GlobalHistogramBinarizer(source), g, found);
            }
            if (found.isEmpty() && thorough && step == steps.get(0)) {
                decodeWith(new HybridBinarizer(source.invert()), null, found);
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return List.copyOf(found);
    }

    private void decodeWith(Binarizer binarizer, GrayImage gray, Set<String> found) {
        BinaryBitmap bitmap = new BinaryBitmap(binarizer);
        try {
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                found.add(r.getText());
            }
        } catch (NotFoundException e) {
            // nothing found by the multi-code reader; the single-code reader below may still succeed
        }
        if (!found.isEmpty()) {
            return;
        }
        try {
            found.add(new QRCodeReader().decode(bitmap, hints).getText());
            return;
        } catch (NotFoundException | ChecksumException | FormatException e) {
            // no code read in this version of the image; the refiner below may still read one
        }
        try {
            found.addAll(new QrGridRefiner(bitmap.getBlackMatrix(), gray, hints).decode());
        } catch (NotFoundException e) {
            // nothing to refine
        }
    }
}
