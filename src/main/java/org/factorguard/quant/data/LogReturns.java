package org.factorguard.quant.data;

/**
 * Logarithmic returns r_t = ln(P_t / P_{t-1}), the return definition used throughout the engine
 * (Li, Gu et al. 2025, section 3.1: log returns are additive over time and closer to normal).
 *
 * <p>The first day has no return and is NaN; a day whose price or previous price is missing or not
 * positive is NaN as well.
 */
public final class LogReturns {

    private LogReturns() {
    }

    /** r_t = ln(P_t / P_{t-1}) with r_0 = NaN. */
    public static double[] logReturns(double[] prices) {
        double[] r = new double[prices.length];
        if (prices.length == 0) {
            return r;
        }
        r[0] = Double.NaN;
        for (int t = 1; t < prices.length; t++) {
            r[t] = logReturn(prices[t - 1], prices[t]);
        }
        return r;
    }

    /** Row-wise {@link #logReturns(double[])} of a {@code [instrument][day]} price matrix. */
    public static double[][] logReturns(double[][] prices) {
        double[][] out = new double[prices.length][];
        for (int i = 0; i < prices.length; i++) {
            out[i] = logReturns(prices[i]);
        }
        return out;
    }

    /** ln(to / from), or NaN when either price is missing or not positive. */
    public static double logReturn(double from, double to) {
        return from > 0 && to > 0 && Double.isFinite(from) && Double.isFinite(to) ? Math.log(to / from) : Double.NaN;
    }

    /** Prices rebuilt from a start price and log returns: P_t = P_0 · exp(Σ_{s≤t} r_s); r_0 is ignored. */
    public static double[] pricesFrom(double startPrice, double[] logReturns) {
        double[] p = new double[logReturns.length];
        if (p.length == 0) {
            return p;
        }
        p[0] = startPrice;
        for (int t = 1; t < p.length; t++) {
            p[t] = p[t - 1] * Math.exp(logReturns[t]);
        }
        return p;
    }
}
