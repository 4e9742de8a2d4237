package org.factorguard.quant.data;

/**
 * Derives an index level series (base 100 on the first day) from member closes.
 *
 * <p>Daily index return r_t = Σ_i w_{i,t-1} · (P_{i,t}/P_{i,t-1} − 1) over members with prices on both
 * days, where w are previous-day market caps (cap-weighted) or equal weights (equal-weighted, i.e.
 * rebalanced daily). A day where no member trades carries the level forward.
 */
final class IndexBuilder {

    private IndexBuilder() {
    }

    static double[] build(double[][] close, double[][] shares, int[] members, IndexMethod method) {
        int t = close.length == 0 ? 0 : close[0].length;
        double[] level = new double[t];
        if (t == 0) {
            return level;
        }
        level[0] = 100.0;
        for (int d = 1; d < t; d++) {
            double weightSum = 0;
            double weighted = 0;
            for (int i : members) {
                double p0 = close[i][d - 1];
                double p1 = close[i][d];
                if (!(p0 > 0) || !(p1 > 0)) {
                    continue;
                }
                double w = method == IndexMethod.CAP_WEIGHTED ? p0 * shares[i][d - 1] : 1.0;
                if (!(w > 0)) {
                    continue;
                }
                weightSum += w;
                weighted += w * (p1 / p0 - 1.0);
            }
            level[d] = weightSum > 0 ? level[d - 1] * (1.0 + weighted / weightSum) : level[d - 1];
        }
        return level;
    }
}
