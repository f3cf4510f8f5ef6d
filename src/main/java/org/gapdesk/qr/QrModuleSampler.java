package org.gapdesk.qr;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;

/** Reads the modules of a QR grid from an image through a transform from module to image coordinates. */
final class QrModuleSampler {
    private QrModuleSampler() {
    }

    /** The modules of {@code image} at their centres through {@code t}; null when the grid leaves the image. */
    static BitMatrix binary(BitMatrix image, PerspectiveTransform t, int dimension) {
        BitMatrix bits = new BitMatrix(dimension);
        float[] row = new float[2 * dimension];
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                row[2 * x] = x + 0.5f;
                row[2 * x + 1] = y + 0.5f;
            }
            t.transformPoints(row);
            for (int x = 0; x < dimension; x++) {
                int px = (int) row[2 * x];
                int py = (int) row[2 * x + 1];
                if (px < -1 || py < -1 || px > image.getWidth() || py > image.getHeight()) {
                    return null;
                }
                px = Math.min(image.getWidth() - 1, Math.max(0, px));
                py = Math.min(image.getHeight() - 1, Math.max(0, py));
                if (image.get(px, py)) {
                    bits.set(x, y);
                }
            }
        }
        return bits;
    }

    /**
     * Reads the modules from the grey levels: each module's level is the mean of five points around its centre,
     * and a module is dark when it is darker than the mean of the 9 x 9 modules around it (the symbol's own
     * light and dark modules set the threshold, which copes with glare and moire better than the binarizer).
     *
     * @return the modules, or null when the grid leaves the image
     */
    static BitMatrix gray(GrayImage gray, PerspectiveTransform t, int dimension) {
        double[] level = new double[dimension * dimension];
        float d = 0.25f;
        float[] pts = new float[10 * dimension];
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                float cx = x + 0.5f;
                float cy = y + 0.5f;
                float[] five = {cx, cy, cx - d, cy - d, cx + d, cy - d, cx - d, cy + d, cx + d, cy + d};
                System.arraycopy(five, 0, pts, 10 * x, 10);
            }
            t.transformPoints(pts);
            for (int x = 0; x < dimension; x++) {
                double sum = 0;
                for (int k = 0; k < 5; k++) {
                    int px = (int) pts[10 * x + 2 * k];
                    int py = (int) pts[10 * x + 2 * k + 1];
                    if (px < -1 || py < -1 || px > gray.width || py > gray.height) {
                        return null;
                    }
                    sum += gray.get(Math.min(gray.width - 1, Math.max(0, px)), Math.min(gray.height - 1, Math.max(0, py)));
                }
                level[y * dimension + x] = sum / 5;
            }
        }
        int r = 4;
        BitMatrix bits = new BitMatrix(dimension);
        for (int y = 0; y < dimension; y++) {
            for (int x = 0; x < dimension; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(dimension - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(dimension - 1, x + r); xx++) {
                        sum += level[yy * dimension + xx];
                        n++;
                    }
                }
                if (level[y * dimension + x] < sum / n) {
                    bits.set(x, y);
                }
            }
        }
        return bits;
    }
}
