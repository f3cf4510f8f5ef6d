package org.gapdesk.qr;

import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.multi.qrcode.detector.MultiFinderPatternFinder;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPatternInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second chance for codes that ZXing's detector finds but cannot read, typically larger versions photographed
 * at an angle. ZXing maps the grid from the three finder patterns and the bottom-right alignment pattern; when
 * its search takes a look-alike in the data for that alignment pattern, or misjudges the module count by 4,
 * the code is lost. This class starts from the same finder patterns, tries the neighbouring module counts too,
 * and moves the fourth corner of the grid until the grid agrees best with everything the version fixes in
 * advance (finder, separator, timing and alignment patterns, the dark module); then it fits the grid by least
 * squares to every alignment pattern found near its place, and reads the modules from the binarized image and
 * from the grey levels.
 */
final class QrGridRefiner extends Detector {
    private final Map<DecodeHintType, ?> hints;
    private final GrayImage gray;

    /**
     * @param image the binarized image, where finder and alignment patterns are searched
     * @param gray the same image in grey levels, where modules are read; null to read the binarized image only
     */
    QrGridRefiner(BitMatrix image, GrayImage gray, Map<DecodeHintType, ?> hints) {
        super(image);
        this.gray = gray;
        this.hints = hints;
    }

    /** Texts of the codes this second chance reads; empty when none. */
    List<String> decode() {
        List<String> out = new ArrayList<>();
        FinderPatternInfo[] infos;
        try {
            infos = new MultiFinderPatternFinder(getImage(), null).findMulti(hints);
        } catch (NotFoundException e) {
            return out;
        }
        for (FinderPatternInfo info : infos) {
            String text = decode(info);
            if (text != null && !out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private String decode(FinderPatternInfo info) {
        ResultPoint tl = info.getTopLeft();
        ResultPoint tr = info.getTopRight();
        ResultPoint bl = info.getBottomLeft();
        float moduleSize = calculateModuleSize(tl, tr, bl);
        if (moduleSize < 1f) {
            return null;
        }
        double span = (ResultPoint.distance(tl, tr) + ResultPoint.distance(tl, bl)) / 2 / moduleSize + 7;
        int nearest = (int) Math.round((span - 1) / 4) * 4 + 1;
        for (int dimension : new int[] {nearest, nearest + 4, nearest - 4}) {
            int version = (dimension - 17) / 4;
            if (version < 1 || version > 40) {
                continue;
            }
            FunctionPatterns fixed = new FunctionPatterns(version);
            float corner = version == 1 ? dimension - 3.5f : dimension - 6.5f;
            List<float[]> starts = new ArrayList<>();
            float brX = tr.getX() - tl.getX() + bl.getX();
            float brY = tr.getY() - tl.getY() + bl.getY();
            float f = (corner - 3.5f) / (dimension - 7f);
            starts.add(new float[] {tl.getX() + f * (brX - tl.getX()), tl.getY() + f * (brY - tl.getY())});
            if (version >= 2) {
                AlignmentPattern found = findAlignment(moduleSize, starts.get(0)[0], starts.get(0)[1],
                        new float[] {4f, 8f});
                if (found != null) {
                    starts.add(0, new float[] {found.getX(), found.getY()});
                }
            }
            for (float[] start : starts) {
                PerspectiveTransform t = climb(tl, tr, bl, start, corner, dimension, moduleSize, fixed);
                List<PerspectiveTransform> grids = new ArrayList<>();
                grids.add(t);
                if (version >= 2) {
                    grids.add(refined(t, tl, tr, bl, moduleSize, version));
                }
                for (PerspectiveTransform g : grids) {
                    String text = read(sample(g, dimension));
                    if (text == null) {
                        text = readGray(g, dimension);
                    }
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Moves the image point of module {@code (corner, corner)} (the bottom-right alignment pattern, or the
     * bottom-right finder corner for version 1) to where the grid agrees best with the fixed patterns: steps of
     * a module, then halves, down to an eighth of a module.
     */
    private PerspectiveTransform climb(ResultPoint tl, ResultPoint tr, ResultPoint bl, float[] start, float corner,
            int dimension, float moduleSize, FunctionPatterns fixed) {
        float x = start[0];
        float y = start[1];
        PerspectiveTransform best = grid(tl, tr, bl, x, y, corner, dimension);
        int bestScore = fixed.score(getImage(), best);
        for (float step = moduleSize; step >= moduleSize / 8; step /= 2) {
            boolean moved = true;
            for (int guard = 0; moved && guard < 40; guard++) {
                moved = false;
                float bx = x;
                float by = y;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx == 0 && dy == 0) {
                            continue;
                        }
                        PerspectiveTransform t = grid(tl, tr, bl, x + dx * step, y + dy * step, corner, dimension);
                        int score = fixed.score(getImage(), t);
                        if (score > bestScore) {
                            bestScore = score;
                            best = t;
                            bx = x + dx * step;
                            by = y + dy * step;
                            moved = true;
                        }
                    }
                }
                x = bx;
                y = by;
            }
        }
        return best;
    }

    private static PerspectiveTransform grid(ResultPoint tl, ResultPoint tr, ResultPoint bl, float x, float y,
            float corner, int dimension) {
        float max = dimension - 3.5f;
        return PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, max, 3.5f, corner, corner, 3.5f, max,
                tl.getX(), tl.getY(), tr.getX(), tr.getY(), x, y, bl.getX(), bl.getY());
    }

    private AlignmentPattern findAlignment(float moduleSize, float x, float y, float[] allowances) {
        for (float a : allowances) {
            try {
                return findAlignmentInRegion(moduleSize, Math.round(x), Math.round(y), a);
            } catch (NotFoundException e) {
                // try a wider region
            }
        }
        return null;
    }

    /** The grid fitted by least squares to the finder centres and every alignment pattern found near its place. */
    private PerspectiveTransform refined(PerspectiveTransform first, ResultPoint tl, ResultPoint tr, ResultPoint bl,
            float moduleSize, int version) {
        int dimension = 17 + 4 * version;
        List<double[]> pairs = new ArrayList<>();
        pairs.add(new double[] {3.5, 3.5, tl.getX(), tl.getY()});
        pairs.add(new double[] {dimension - 3.5, 3.5, tr.getX(), tr.getY()});
        pairs.add(new double[] {3.5, dimension - 3.5, bl.getX(), bl.getY()});
        int[] centers = Version.getVersionForNumber(version).getAlignmentPatternCenters();
        for (int cy : centers) {
            for (int cx : centers) {
                boolean underFinder = cx == 6 && cy == 6 || cx == 6 && cy == centers[centers.length - 1]
                        || cy == 6 && cx == centers[centers.length - 1];
                if (underFinder) {
                    continue;
                }
                float[] p = {cx + 0.5f, cy + 0.5f};
                first.transformPoints(p);
                AlignmentPattern found = findAlignment(moduleSize, p[0], p[1], new float[] {3f});
                if (found != null) {
                    pairs.add(new double[] {cx + 0.5, cy + 0.5, found.getX(), found.getY()});
                }
            }
        }
        if (pairs.size() < 5) {
            return first;
        }
        double[] h = Homography.fit(pairs);
        if (h == null) {
            return first;
        }
        float[] q = {0, 0, dimension, 0, dimension, dimension, 0, dimension};
        for (int i = 0; i < 8; i += 2) {
            double w = h[6] * q[i] + h[7] * q[i + 1] + 1;
            double x = (h[0] * q[i] + h[1] * q[i + 1] + h[2]) / w;
            double y = (h[3] * q[i] + h[4] * q[i + 1] + h[5]) / w;
            q[i] = (float) x;
            q[i + 1] = (float) y;
        }
        return PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, dimension, 0, dimension, dimension, 0,
                dimension, q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]);
    }

    /** The modules read at their centres through {@code t}; null when the grid leaves the image. */
    private BitMatrix sample(PerspectiveTransform t, int dimension) {
        BitMatrix image = getImage();
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
     */
    private String readGray(PerspectiveTransform t, int dimension) {
        if (gray == null) {
            return null;
        }
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
        return read(bits);
    }

    private String read(BitMatrix bits) {
        if (bits == null) {
            return null;
        }
        try {
            return new Decoder().decode(bits, hints).getText();
        } catch (Exception e) {
            return null;
        }
    }

    /** The modules every code of one version has in the same place with the same colour. */
    static final class FunctionPatterns {
        private final int[] xs;
        private final int[] ys;
        private final boolean[] dark;

        FunctionPatterns(int version) {
            int n = 17 + 4 * version;
            List<int[]> cells = new ArrayList<>();
            for (int[] origin : new int[][] {{0, 0}, {n - 7, 0}, {0, n - 7}}) {
                for (int dy = -1; dy <= 7; dy++) {
                    for (int dx = -1; dx <= 7; dx++) {
                        int x = origin[0] + dx;
                        int y = origin[1] + dy;
                        if (x < 0 || y < 0 || x >= n || y >= n) {
                            continue;
                        }
                        int ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
                        cells.add(new int[] {x, y, ring == 4 || ring == 2 ? 0 : 1});
                    }
                }
            }
            for (int i = 8; i < n - 8; i++) {
                cells.add(new int[] {i, 6, i % 2 == 0 ? 1 : 0});
                cells.add(new int[] {6, i, i % 2 == 0 ? 1 : 0});
            }
            cells.add(new int[] {8, n - 8, 1});
            int[] centers = Version.getVersionForNumber(version).getAlignmentPatternCenters();
            for (int cy : centers) {
                for (int cx : centers) {
                    boolean underFinder = cx == 6 && cy == 6 || cx == 6 && cy == n - 7 || cy == 6 && cx == n - 7;
                    if (underFinder) {
                        continue;
                    }
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            if (cx + dx == 6 || cy + dy == 6) {
                                continue; // on a timing line, already counted
                            }
                            cells.add(new int[] {cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) == 1 ? 0 : 1});
                        }
                    }
                }
            }
            xs = new int[cells.size()];
            ys = new int[cells.size()];
            dark = new boolean[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                xs[i] = cells.get(i)[0];
                ys[i] = cells.get(i)[1];
                dark[i] = cells.get(i)[2] == 1;
            }
        }

        /** How many fixed modules the image shows with their colour when read through {@code t}. */
        int score(BitMatrix image, PerspectiveTransform t) {
            float[] pts = new float[2 * xs.length];
            for (int i = 0; i < xs.length; i++) {
                pts[2 * i] = xs[i] + 0.5f;
                pts[2 * i + 1] = ys[i] + 0.5f;
            }
            t.transformPoints(pts);
            int score = 0;
            for (int i = 0; i < xs.length; i++) {
                int px = (int) pts[2 * i];
                int py = (int) pts[2 * i + 1];
                if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()
                        && image.get(px, py) == dark[i]) {
                    score++;
                }
            }
            return score;
        }
    }

    /** Least-squares homography from module coordinates to image coordinates. */
    static final class Homography {
        private Homography() {
        }

        /**
         * @param pairs {u, v, x, y}: module point (u, v) seen at image point (x, y)
         * @return {h11, h12, h13, h21, h22, h23, h31, h32} with h33 = 1, or null when degenerate
         */
        static double[] fit(List<double[]> pairs) {
            double[][] a = new double[8][9];
            for (double[] p : pairs) {
                double u = p[0];
                double v = p[1];
                double x = p[2];
                double y = p[3];
                accumulate(a, new double[] {u, v, 1, 0, 0, 0, -u * x, -v * x}, x);
                accumulate(a, new double[] {0, 0, 0, u, v, 1, -u * y, -v * y}, y);
            }
            return solve(a);
        }

        private static void accumulate(double[][] a, double[] row, double rhs) {
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][8] += row[i] * rhs;
            }
        }

        private static double[] solve(double[][] a) {
            int n = 8;
            for (int c = 0; c < n; c++) {
                int pivot = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                        pivot = r;
                    }
                }
                if (Math.abs(a[pivot][c]) < 1e-12) {
                    return null;
                }
                double[] t = a[c];
                a[c] = a[pivot];
                a[pivot] = t;
                for (int r = 0; r < n; r++) {
                    if (r != c) {
                        double f = a[r][c] / a[c][c];
                        for (int k = c; k <= n; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                    }
                }
            }
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = a[i][8] / a[i][i];
            }
            return h;
        }
    }
}
