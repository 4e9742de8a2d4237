package org.factorguard.quant.factors;

import java.util.Arrays;
import org.factorguard.quant.data.MarketData;

/**
 * Forward log returns, the label that factors are screened against and models are trained on:
 * {@code labels[t][i] = ln(P_{i,t+h} / P_{i,t})} for horizon h trading days, NaN where either close is
 * missing or not positive and for the last h days. Because this looks forward by construction, a label
 * at day t must only ever be paired with features known at day t, and a training window ending at day
 * e may only use labels of days ≤ e − h (see the validation package's purge rule).
 */
public final class ForwardReturns {

    private ForwardReturns() {
    }

    /** {@code [day][instrument]} forward log returns over {@code horizon} trading days. */
    public static double[][] logReturns(MarketData data, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 day, got " + horizon);
        }
        int days = data.dayCount();
        int n = data.instrumentCount();
        double[][] close = data.close();
        double[][] labels = new double[days][n];
        for (double[] row : labels) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            double[] p = close[i];
            for (int t = 0; t + horizon < days; t++) {
                double now = p[t];
                double later = p[t + horizon];
                if (now > 0 && later > 0) {
                    labels[t][i] = Math.log(later / now);
                }
            }
        }
        return labels;
    }
}
