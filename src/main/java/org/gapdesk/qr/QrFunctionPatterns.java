package org.gapdesk.qr;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.List;

/** The modules every code of one version has in the same place with the same colour. */
final class QrFunctionPatterns {
    private final int[] xs;
    private final int[] ys;
    private final boolean[] dark;

    QrFunctionPatterns(int version) {
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
