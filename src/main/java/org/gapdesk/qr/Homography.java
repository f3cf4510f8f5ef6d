package org.gapdesk.qr;

import java.util.List;

/** Least-squares homography from module coordinates to image coordinates. */
final class Homography {
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
