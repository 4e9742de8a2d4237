package org.factorguard.quant.data;

import java.util.Arrays;

/**
 * The market's move of each day as the cleaning rules see it: the cross-sectional median c<sub>t</sub> of the
 * one-day log returns r<sub>i,t</sub> = ln(P<sub>i,t</sub>/P<sub>i,t−1</sub>) of the instruments priced on both
 * days, and their cross-sectional robust dispersion d<sub>t</sub> = 1.4826 · MAD. Both use only the closes of
 * t − 1 and t. On a day with fewer than {@code minInstruments} returns the market move is taken as 0 and the
 * dispersion as NaN (too few instruments to tell a market move from one instrument's).
 */
final class CrossSectionMoves {

    final double[] median;
    final double[] dispersion;
    final int[] count;

    CrossSectionMoves(double[][] close, int days, int minInstruments) {
        median = new double[days];
        dispersion = new double[days];
        count = new int[days];
        double[] r = new double[close.length];
        Arrays.fill(dispersion, Double.NaN);
        for (int t = 1; t < days; t++) {
            int k = 0;
            for (double[] p : close) {
                double x = LogReturns.logReturn(p[t - 1], p[t]);
                if (!Double.isNaN(x)) {
                    r[k++] = x;
                }
            }
            count[t] = k;
            if (k < minInstruments || k == 0) {
                continue;
            }
            double[] day = Arrays.copyOf(r, k);
            Arrays.sort(day);
            double m = (day[(k - 1) / 2] + day[k / 2]) / 2;
            for (int j = 0; j < k; j++) {
                day[j] = Math.abs(day[j] - m);
            }
            Arrays.sort(day);
            median[t] = m;
            dispersion[t] = DataCleaner.MAD_TO_SIGMA * (day[(k - 1) / 2] + day[k / 2]) / 2;
        }
    }
}
