package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Diebold–Mariano test of equal predictive accuracy of two forecasts (F. X. Diebold and R. S. Mariano,
 * "Comparing predictive accuracy", Journal of Business &amp; Economic Statistics 13(3), 1995).
 *
 * <p>With loss series L<sup>A</sup><sub>t</sub>, L<sup>B</sup><sub>t</sub> (squared errors by default),
 * d<sub>t</sub> = L<sup>A</sup><sub>t</sub> − L<sup>B</sup><sub>t</sub>, d̄ its mean over T periods and
 * the Newey–West long-run variance with lag h − 1 (h = forecast horizon) and Bartlett weights,
 * Ŝ = γ̂<sub>0</sub> + 2Σ<sub>k=1</sub><sup>h−1</sup>(1 − k/h)γ̂<sub>k</sub> (γ̂ autocovariances with divisor
 * T), the statistic is DM = d̄ / √(Ŝ/T), asymptotically N(0, 1); the p-value is two-sided.
 * <b>Positive DM means forecast A has the larger loss, i.e. B is more accurate.</b>
 *
 * <p>The result also carries the Harvey–Leybourne–Newbold (1997) small-sample correction
 * DM* = DM·√((T + 1 − 2h + h(h − 1)/T)/T), compared with Student's t with T − 1 degrees of freedom.
 * When d is identically zero the forecasts are equally accurate by construction: statistic 0, p = 1.
 */
public final class DieboldMariano {

    /**
     * @param statistic          DM statistic (positive: A has larger loss)
     * @param pValue             two-sided p-value from the standard normal
     * @param hlnStatistic       Harvey–Leybourne–Newbold corrected statistic
     * @param hlnPValue          two-sided p-value of the corrected statistic from Student's t (T − 1 df)
     * @param meanLossDifference d̄ = mean(L<sup>A</sup> − L<sup>B</sup>)
     * @param observations       T
     * @param horizon            h
     */
    public record Result(double statistic, double pValue, double hlnStatistic, double hlnPValue,
                         double meanLossDifference, int observations, int horizon) {

        /** Whether equal accuracy is rejected at the given level (two-sided, HLN-corrected p-value). */
        public boolean rejectsEqualAccuracy(double level) {
            return hlnPValue < level;
        }
    }

    private DieboldMariano() {
    }

    /** Test on forecast errors with squared-error loss and horizon h. */
    public static Result onErrors(double[] errorsA, double[] errorsB, int horizon) {
        return onLosses(square(errorsA), square(errorsB), horizon);
    }

    /** Test on two aligned loss series with forecast horizon h ≥ 1. Pairs with a NaN are skipped. */
    public static Result onLosses(double[] lossA, double[] lossB, int horizon) {
        if (lossA.length != lossB.length) {
            throw new IllegalArgumentException("loss series differ in length");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
        double[] d = new double[lossA.length];
        int t = 0;
        for (int i = 0; i < lossA.length; i++) {
            double v = lossA[i] - lossB[i];
            if (Double.isFinite(v)) {
                d[t++] = v;
            }
        }
        if (t < 3) {
            throw new IllegalArgumentException("need at least 3 paired losses, got " + t);
        }
        double mean = 0;
        for (int i = 0; i < t; i++) {
            mean += d[i];
        }
        mean /= t;
        double lrv = autocovariance(d, t, mean, 0);
        for (int k = 1; k < horizon && k < t; k++) {
            lrv += 2.0 * (1.0 - (double) k / horizon) * autocovariance(d, t, mean, k);
        }
        double statistic;
        if (lrv <= 0) {
            statistic = mean == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        } else {
            statistic = mean / Math.sqrt(lrv / t);
        }
        double h = horizon;
        double hln = statistic * Math.sqrt((t + 1 - 2 * h + h * (h - 1) / t) / t);
        double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(statistic));
        double pHln = 2 * new TDistribution(t - 1).cumulativeProbability(-Math.abs(hln));
        return new Result(statistic, p, hln, pHln, mean, t, horizon);
    }

    /**
     * Daily cross-sectional mean squared error: loss<sub>t</sub> = mean over instruments i with both values
     * finite of (prediction<sub>ti</sub> − realised<sub>ti</sub>)², NaN for a day without any pair. Feeds
     * {@link #onLosses} when each day's forecast is a cross-section of instrument returns.
     */
    public static double[] dailySquaredErrorLoss(float[][] predictions, double[][] realised) {
        double[] loss = new double[predictions.length];
        for (int t = 0; t < predictions.length; t++) {
            double s = 0;
            int k = 0;
            for (int i = 0; i < predictions[t].length; i++) {
                double e = predictions[t][i] - realised[t][i];
                if (Double.isFinite(e)) {
                    s += e * e;
                    k++;
                }
            }
            loss[t] = k > 0 ? s / k : Double.NaN;
        }
        return loss;
    }

    private static double autocovariance(double[] d, int t, double mean, int lag) {
        double s = 0;
        for (int i = lag; i < t; i++) {
            s += (d[i] - mean) * (d[i - lag] - mean);
        }
        return s / t;
    }

    private static double[] square(double[] e) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i] * e[i];
        }
        return out;
    }
}
