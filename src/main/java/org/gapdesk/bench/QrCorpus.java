package org.gapdesk.bench;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.gapdesk.activation.Product;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.qr.QrPayloads;
import org.gapdesk.qr.QrRequest;

/**
 * A generated corpus of QR photos, deterministic from a seed: what a phone or webcam sees of a code shown on
 * a lab screen or printed on paper. Each sample is one JPEG with one code holding a Gapdesk part, a
 * one-machine Gapdesk payload or bare IID digits, and a random mix of conditions: rotation, perspective,
 * blur, sensor noise, low contrast, a dark UI frame around the code, a screen's pixel grid (moire), uneven
 * light and glare, JPEG compression. Some samples are meant to be hard; not every one is decodable.
 */
public final class QrCorpus {
    /** Width of every image. */
    public static final int WIDTH = 1280;
    /** Height of every image. */
    public static final int HEIGHT = 960;

    /**
     * One image.
     *
     * @param name file name, e.g. {@code qr-007.jpg}
     * @param payload the text the code holds
     * @param conditions what was done to it, for reports
     * @param jpeg the image
     */
    public record Sample(String name, String payload, String conditions, byte[] jpeg) {
    }

    private enum Scene { PAPER, SCREEN, PHOTO }

    private QrCorpus() {
    }

    /** {@code count} samples from {@code seed}; the same arguments give the same bytes. */
    public static List<Sample> generate(long seed, int count) {
        return generate(seed, payloads(seed, count));
    }

    /** One sample for each of {@code payloads}, conditions drawn from {@code seed}. */
    public static List<Sample> generate(long seed, List<String> payloads) {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(sample(String.format(Locale.ROOT, "qr-%03d.jpg", i + 1), payloads.get(i), random));
        }
        return out;
    }

    /** Payloads: 3 in 5 parts of a lab message, 1 in 5 a one-machine message, 1 in 5 bare IID digits. */
    static List<String> payloads(long seed, int count) {
        SyntheticIds ids = new SyntheticIds(seed);
        Product win = new Product("2de67392-b7a7-462a-b1ca-108dd189f588", Product.WINDOWS_APP_ID,
                "Windows(R), Enterprise edition", "Volume:MAK", "3V66T", 1);
        List<QrRequest.Entry> lab = new ArrayList<>();
        for (int m = 1; m <= Math.max(10, count * 2); m++) {
            lab.add(new QrRequest.Entry(String.format(Locale.ROOT, "LAB-PC-%03d", m), false, win, ids.iid63()));
        }
        List<String> parts = QrPayloads.encode(new QrRequest("LAB-A", lab));
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (i % 5) {
                case 0 -> out.add(ids.iid63());
                case 1 -> out.add(QrPayloads.encode(new QrRequest("LAB-A", List.of(new QrRequest.Entry(
                        String.format(Locale.ROOT, "PC-%03d", i), false, win, ids.iid63())))).get(0));
                default -> out.add(parts.get(i % parts.size()));
            }
        }
        return out;
    }

    private static Sample sample(String name, String payload, Random r) {
        ByteMatrix code = encode(payload);
        Scene scene = Scene.values()[r.nextInt(3)];
        int modules = code.getWidth() + 8;
        double modulePx = 2.4 + r.nextDouble() * 5.0;
        double side = Math.min(modules * modulePx, HEIGHT * 0.9);
        modulePx = side / modules;
        double angle = r.nextInt(4) == 0 ? r.nextDouble() * 360 : (r.nextDouble() - 0.5) * 30;
        double perspective = r.nextDouble() * 0.18;
        double blur = r.nextDouble() < 0.6 ? r.nextDouble() * 2.2 : 0;
        double noise = r.nextDouble() * 14;
        double contrast = r.nextDouble() < 0.3 ? 0.25 + r.nextDouble() * 0.35 : 0.7 + r.nextDouble() * 0.3;
        double moire = scene == Scene.SCREEN ? 0.06 + r.nextDouble() * 0.2 : 0;
        double pitch = 2.1 + r.nextDouble() * 1.8;
        int quality = 45 + r.nextInt(46);

        double[] light = new double[WIDTH * HEIGHT];
        double[] img = background(scene, r, light);
        double cx = WIDTH / 2.0 + (r.nextDouble() - 0.5) * (WIDTH - side) * 0.8;
        double cy = HEIGHT / 2.0 + (r.nextDouble() - 0.5) * (HEIGHT - side) * 0.8;
        double[][] quad = quad(cx, cy, side, angle, perspective, r);
        double paper = 0.5 + contrast * 0.5;
        double ink = 0.5 - contrast * 0.5;
        if (scene == Scene.SCREEN) {
            paper = Math.min(1, paper * 0.95);
            ink = Math.max(0.04, ink);
        }
        drawCode(img, code, quad, paper * 255, ink * 255);
        applyLight(img, light);
        if (moire > 0) {
            screenGrid(img, moire, pitch, r.nextDouble() * Math.PI);
        }
        if (blur > 0.2) {
            img = gaussian(img, blur);
        }
        BufferedImage rgb = toRgb(img, scene, noise, r);
        String conditions = String.format(Locale.ROOT, "%s, %d modules at %.1f px, rotated %.0f deg, perspective"
                + " %.2f, blur %.1f, noise %.0f, contrast %.2f, moire %.2f/%.1fpx, jpeg %d",
                scene.name().toLowerCase(Locale.ROOT), code.getWidth(), modulePx, angle, perspective, blur, noise,
                contrast, moire, pitch, quality);
        return new Sample(name, payload, conditions, jpeg(rgb, quality));
    }

    private static ByteMatrix encode(String payload) {
        try {
            QRCode qr = Encoder.encode(payload, ErrorCorrectionLevel.M, Map.of(EncodeHintType.MARGIN, 0));
            return qr.getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scene luminance 0..255, and the light falloff to apply later (1 = full light). */
    private static double[] background(Scene scene, Random r, double[] light) {
        double[] img = new double[WIDTH * HEIGHT];
        double gx = (r.nextDouble() - 0.5) * 0.5;
        double gy = (r.nextDouble() - 0.5) * 0.5;
        double vignette = scene == Scene.PAPER ? 0.15 : 0.35 + r.nextDouble() * 0.3;
        double glareX = r.nextDouble() * WIDTH;
        double glareY = r.nextDouble() * HEIGHT;
        double glare = scene == Scene.PAPER ? 0 : r.nextDouble() * 0.35;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double nx = (x - WIDTH / 2.0) / WIDTH;
                double ny = (y - HEIGHT / 2.0) / HEIGHT;
                double l = 1 + gx * nx * 2 + gy * ny * 2 - vignette * (nx * nx + ny * ny) * 2;
                double dg = Math.hypot(x - glareX, y - glareY) / (WIDTH * 0.25);
                light[y * WIDTH + x] = Math.max(0.2, l) + glare * Math.exp(-dg * dg);
                img[y * WIDTH + x] = switch (scene) {
                    case PAPER -> 235;
                    case SCREEN -> 28;
                    case PHOTO -> 90 + 60 * Math.sin(x / 97.0) * Math.cos(y / 131.0);
                };
            }
        }
        if (scene == Scene.SCREEN) {
            // a dark application window: title bar, side panel, lines of light "text"
            fill(img, 0, 0, WIDTH, 38, 55);
            fill(img, 0, 38, 220, HEIGHT, 40);
            for (int row = 60; row < HEIGHT - 20; row += 26) {
                int len = 60 + r.nextInt(120);
                fill(img, 20, row, 20 + len, row + 8, 150);
            }
            for (int k = 0; k < 6; k++) {
                int x0 = 240 + r.nextInt(WIDTH - 300);
                int y0 = 60 + r.nextInt(HEIGHT - 100);
                fill(img, x0, y0, x0 + 40 + r.nextInt(200), y0 + 8, 170);
            }
        }
        if (scene == Scene.PHOTO) {
            for (int k = 0; k < 40; k++) {
                int x0 = r.nextInt(WIDTH);
                int y0 = r.nextInt(HEIGHT);
                fill(img, x0, y0, x0 + 10 + r.nextInt(120), y0 + 10 + r.nextInt(120), r.nextInt(256));
            }
        }
        return img;
    }

    private static void fill(double[] img, int x0, int y0, int x1, int y1, double v) {
        for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++) {
                img[y * WIDTH + x] = v;
            }
        }
    }

    /** Corners of the code (quiet zone included): a rotated square with each corner moved at random. */
    private static double[][] quad(double cx, double cy, double side, double angleDeg, double perspective,
            Random r) {
        double a = Math.toRadians(angleDeg);
        double[][] unit = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        double[][] q = new double[4][2];
        for (int k = 0; k < 4; k++) {
            double ux = unit[k][0] + (r.nextDouble() - 0.5) * perspective;
            double uy = unit[k][1] + (r.nextDouble() - 0.5) * perspective;
            q[k][0] = cx + side * (ux * Math.cos(a) - uy * Math.sin(a));
            q[k][1] = cy + side * (ux * Math.sin(a) + uy * Math.cos(a));
        }
        return q;
    }

    /** Draws the code (with a 4-module quiet zone) into the quad, 3 x 3 supersampled. */
    private static void drawCode(double[] img, ByteMatrix code, double[][] q, double paper, double ink) {
        double[] h = inverse(homography(q));
        int n = code.getWidth();
        int total = n + 8;
        int minX = WIDTH;
        int minY = HEIGHT;
        int maxX = 0;
        int maxY = 0;
        for (double[] p : q) {
            minX = Math.min(minX, (int) Math.floor(p[0]));
            minY = Math.min(minY, (int) Math.floor(p[1]));
            maxX = Math.max(maxX, (int) Math.ceil(p[0]));
            maxY = Math.max(maxY, (int) Math.ceil(p[1]));
        }
        for (int y = Math.max(0, minY); y < Math.min(HEIGHT, maxY + 1); y++) {
            for (int x = Math.max(0, minX); x < Math.min(WIDTH, maxX + 1); x++) {
                int inside = 0;
                double sum = 0;
                for (int sy = 0; sy < 3; sy++) {
                    for (int sx = 0; sx < 3; sx++) {
                        double px = x + (sx + 0.5) / 3;
                        double py = y + (sy + 0.5) / 3;
                        double w = h[6] * px + h[7] * py + h[8];
                        double u = (h[0] * px + h[1] * py + h[2]) / w;
                        double v = (h[3] * px + h[4] * py + h[5]) / w;
                        if (u < 0 || u >= 1 || v < 0 || v >= 1) {
                            continue;
                        }
                        inside++;
                        int mx = (int) (u * total) - 4;
                        int my = (int) (v * total) - 4;
                        boolean dark = mx >= 0 && my >= 0 && mx < n && my < n && code.get(mx, my) == 1;
                        sum += dark ? ink : paper;
                    }
                }
                if (inside > 0) {
                    int i = y * WIDTH + x;
                    img[i] = (img[i] * (9 - inside) + sum) / 9;
                }
            }
        }
    }

    /** The homography taking the unit square to the quad, as a row-major 3 x 3 matrix. */
    private static double[] homography(double[][] q) {
        double x0 = q[0][0], y0 = q[0][1], x1 = q[1][0], y1 = q[1][1];
        double x2 = q[2][0], y2 = q[2][1], x3 = q[3][0], y3 = q[3][1];
        double dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
        double dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
        double den = dx1 * dy2 - dx2 * dy1;
        double g = (dx3 * dy2 - dx2 * dy3) / den;
        double hh = (dx1 * dy3 - dx3 * dy1) / den;
        return new double[] {x1 - x0 + g * x1, x3 - x0 + hh * x3, x0, y1 - y0 + g * y1, y3 - y0 + hh * y3, y0, g, hh,
            1};
    }

    private static double[] inverse(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    private static void applyLight(double[] img, double[] light) {
        for (int i = 0; i < img.length; i++) {
            img[i] = img[i] * light[i];
        }
    }

    /** A screen's pixel grid photographed: two fine gratings whose beat shows as moire. */
    private static void screenGrid(double[] img, double depth, double pitch, double angle) {
        double c1 = Math.cos(angle) / pitch;
        double s1 = Math.sin(angle) / pitch;
        double c2 = Math.cos(angle + 1.3) / (pitch * 1.07);
        double s2 = Math.sin(angle + 1.3) / (pitch * 1.07);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double g1 = 0.5 + 0.5 * Math.sin(2 * Math.PI * (x * c1 + y * s1));
                double g2 = 0.5 + 0.5 * Math.sin(2 * Math.PI * (x * c2 + y * s2));
                img[y * WIDTH + x] *= 1 - depth * (0.6 * g1 + 0.4 * g2);
            }
        }
    }

    private static double[] gaussian(double[] img, double sigma) {
        int r = (int) Math.ceil(sigma * 3);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[] tmp = new double[img.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * img[y * WIDTH + Math.min(WIDTH - 1, Math.max(0, x + i))];
                }
                tmp[y * WIDTH + x] = v;
            }
        }
        double[] out = new double[img.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * tmp[Math.min(HEIGHT - 1, Math.max(0, y + i)) * WIDTH + x];
                }
                out[y * WIDTH + x] = v;
            }
        }
        return out;
    }

    private static BufferedImage toRgb(double[] img, Scene scene, double noise, Random r) {
        double[] tint = switch (scene) {
            case SCREEN -> new double[] {0.88, 0.95, 1.0};
            case PAPER -> new double[] {1.0, 0.97, 0.9};
            case PHOTO -> new double[] {0.95, 1.0, 0.92};
        };
        // sensor noise: a table of normal deviates, indexed by a xorshift sequence (nextGaussian per value is slow)
        double[] table = new double[1 << 16];
        for (int i = 0; i < table.length; i++) {
            table[i] = r.nextGaussian() * noise;
        }
        int state = r.nextInt() | 1;
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            double v = img[i];
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                state ^= state << 13;
                state ^= state >>> 17;
                state ^= state << 5;
                int c = (int) Math.round(v * tint[ch] + table[state & 0xFFFF]);
                rgb = rgb << 8 | Math.max(0, Math.min(255, c));
            }
            data[i] = rgb;
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
