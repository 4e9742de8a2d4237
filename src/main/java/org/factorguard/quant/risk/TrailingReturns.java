package org.factorguard.quant.risk;

/**
 * Builds the {@code double[day][asset]} window of daily simple returns r<sub>d</sub> =
 * P<sub>d</sub>/P<sub>d−1</sub> − 1 that the {@link CovarianceEstimator}s take, from columnar close prices
 * {@code close[instrument][day]} (as in {@code MarketData}). A return is NaN when either price is missing
 * or not positive. The window ends at {@code endDay} inclusive, so it uses prices up to that day only.
 */
public final class TrailingReturns {

    private TrailingReturns() {
    }

    /**
     * Returns of days max(1, endDay − length + 1) … endDay for the given instruments.
     *
     * @param close       close prices [instrument][day]
     * @param instruments which instruments (columns of the result, in this order)
     * @param endDay      last day of the window (inclusive)
     * @param length      number of return days wanted
     */
    public static double[][] window(double[][] close, int[] instruments, int endDay, int length) {
        int from = Math.max(1, endDay - length + 1);
        int days = Math.max(0, endDay - from + 1);
        double[][] out = new double[days][instruments.length];
        for (int k = 0; k < days; k++) {
            int d = from + k;
            for (int a = 0; a < instruments.length; a++) {
                double[] p = close[instruments[a]];
                double prev = p[d - 1];
                double now = p[d];
                out[k][a] = prev > 0 && now > 0 ? now / prev - 1.0 : Double.NaN;
            }
        }
        return out;
    }
}
