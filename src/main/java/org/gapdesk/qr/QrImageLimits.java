package org.gapdesk.qr;

/**
 * Bounds on images given to the QR decoder.
 *
 * @param maxBytes largest image file accepted
 * @param maxPixels most pixels the image header may declare (checked before any pixel is decoded)
 * @param maxSide longest side the header may declare
 * @param readPixels images larger than this are subsampled while they are read, so memory stays bounded
 * @param maxImages most images in one call of {@link QrImageDecoder#decodePhotos}
 */
public record QrImageLimits(long maxBytes, long maxPixels, int maxSide, long readPixels, int maxImages) {
    /** 30 MB, 100 megapixels, 30,000 pixels a side, read at up to 12 megapixels, 50 images. */
    public static final QrImageLimits DEFAULT = new QrImageLimits(30L << 20, 100_000_000L, 30_000, 12_000_000L, 50);

    public QrImageLimits {
        if (maxBytes < 1 || maxPixels < 1 || maxSide < 1 || readPixels < 1 || maxImages < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }
}
