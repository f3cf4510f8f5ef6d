package org.gapdesk.qr;

import com.google.zxing.LuminanceSource;

/** A {@link GrayImage} as ZXing reads images. */
final class GrayLuminanceSource extends LuminanceSource {
    private final GrayImage image;

    GrayLuminanceSource(GrayImage image) {
        super(image.width, image.height);
        this.image = image;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        byte[] r = row == null || row.length < image.width ? new byte[image.width] : row;
        System.arraycopy(image.pixels, y * image.width, r, 0, image.width);
        return r;
    }

    @Override
    public byte[] getMatrix() {
        return image.pixels;
    }
}
