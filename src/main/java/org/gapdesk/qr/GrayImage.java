package org.gapdesk.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An 8-bit luminance image and the preprocessing steps the decoder tries on photos of a screen: area
 * downscaling, contrast stretching, box blur (against moire), sharpening and quarter turns. Immutable: every
 * step returns a new image.
 */
final class GrayImage {
    final int width;
    final int height;
    final byte[] pixels;

    GrayImage(int width, int height, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Luminance of {@code image} (ITU-R 601 weights, as ZXing uses); transparent pixels count as white. */
    static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            if (src.length == out.length) {
                return new GrayImage(w, h, src.clone());
            }
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && db.getData().length == out.length) {
            int[] src = db.getData();
            for (int i = 0; i < src.length; i++) {
                out[i] = (byte) luminance(src[i] | 0xFF000000);
            }
            return new GrayImage(w, h, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) luminance(row[x]);
            }
        }
        return new GrayImage(w, h, out);
    }

    private static int luminance(int argb) {
        int a = argb >>> 24;
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        int lum = (306 * r + 601 * g + 117 * b + 0x200) >> 10;
        return a == 0xFF ? lum : (lum * a + 255 * (255 - a)) / 255;
    }

    int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    int pixelCount() {
        return width * height;
    }

    /** Shrinks by the whole factor {@code f}, each output pixel the mean of an f x f block. */
    GrayImage shrink(int f) {
        if (f <= 1) {
            return this;
        }
        int w = width / f;
        int h = height / f;
        byte[] out = new byte[w * h];
        int area = f * f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < f; dy++) {
                    int base = (y * f + dy) * width + x * f;
                    for (int dx = 0; dx < f; dx++) {
                        sum += pixels[base + dx] & 0xFF;
                    }
                }
                out[y * w + x] = (byte) (sum / area);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Resamples to {@code scale} times the size (bilinear); used for scales between 0.5 and 2. */
    GrayImage resize(double scale) {
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double sy = Math.min(height - 1.0, Math.max(0, (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(height - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.min(width - 1.0, Math.max(0, (x + 0.5) / scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(width - 1, x0 + 1);
                double fx = sx - x0;
                double top = get(x0, y0) * (1 - fx) + get(x1, y0) * fx;
                double bottom = get(x0, y1) * (1 - fx) + get(x1, y1) * fx;
                out[y * w + x] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Maps the 1st to 99th percentile of luminance onto 0..255. */
    GrayImage stretchContrast() {
        int[] hist = new int[256];
        for (byte p : pixels) {
            hist[p & 0xFF]++;
        }
        int n = pixels.length;
        int lo = percentile(hist, n / 100);
        int hi = percentile(hist, n - 1 - n / 100);
        if (hi - lo < 8) {
            return this;
        }
        int[] map = new int[256];
        for (int v = 0; v < 256; v++) {
            map[v] = Math.max(0, Math.min(255, (v - lo) * 255 / (hi - lo)));
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) map[pixels[i] & 0xFF];
        }
        return new GrayImage(width, height, out);
    }

    private static int percentile(int[] hist, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }

    /** Mean over a (2r+1) square around each pixel, edges clamped. */
    GrayImage boxBlur(int r) {
        return new GrayImage(width, height, blurColumns(blurRows(pixels, r), r));
    }

    private byte[] blurRows(byte[] src, int r) {
        byte[] out = new byte[src.length];
        int d = 2 * r + 1;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += src[base + clamp(k, width)] & 0xFF;
            }
            for (int x = 0; x < width; x++) {
                out[base + x] = (byte) (sum / d);
                sum += (src[base + clamp(x + r + 1, width)] & 0xFF) - (src[base + clamp(x - r, width)] & 0xFF);
            }
        }
        return out;
    }

    private byte[] blurColumns(byte[] src, int r) {
        byte[] out = new byte[src.length];
        int d = 2 * r + 1;
        for (int x = 0; x < width; x++) {
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += src[clamp(k, height) * width + x] & 0xFF;
            }
            for (int y = 0; y < height; y++) {
                out[y * width + x] = (byte) (sum / d);
                sum += (src[clamp(y + r + 1, height) * width + x] & 0xFF) - (src[clamp(y - r, height) * width + x] & 0xFF);
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    /** Unsharp mask: {@code p + amount * (p - blur(p))} with a box blur of radius {@code r}. */
    GrayImage sharpen(int r, double amount) {
        byte[] blur = boxBlur(r).pixels;
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < out.length; i++) {
            int p = pixels[i] & 0xFF;
            int v = (int) Math.round(p + amount * (p - (blur[i] & 0xFF)));
            out[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new GrayImage(width, height, out);
    }

    /** Turned a quarter clockwise. */
    GrayImage rotate90() {
        byte[] out = new byte[pixels.length];
        int w = height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * w + (height - 1 - y)] = pixels[y * width + x];
            }
        }
        return new GrayImage(height, width, out);
    }

    /** Turned half a turn. */
    GrayImage rotate180() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pixels[pixels.length - 1 - i];
        }
        return new GrayImage(width, height, out);
    }
}
