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
            QrFunctionPatterns fixed = new QrFunctionPatterns(version);
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
                    String text = read(QrModuleSampler.binary(getImage(), g, dimension));
                    if (text == null && gray != null) {
                        text = read(QrModuleSampler.gray(gray, g, dimension));
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
            int dimension, float moduleSize, QrFunctionPatterns fixed) {
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

    /** The text of the code these modules hold, or null when it does not decode. */
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
}
