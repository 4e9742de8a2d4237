package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * Diebold–Mariano test of equal predictive accuracy of two forecasts, with the Harvey–Leybourne–Newbold
 * small-sample correction (F. X. Diebold and R. S. Mariano, "Comparing predictive accuracy", Journal of
 * Business &amp; Economic Statistics 13(3), 1995; D. Harvey, S. Leybourne and P. Newbold, "Testing the equality
 * of prediction mean squared errors", International Journal of Forecasting 13(2), 1997).
 *
 * <p>With loss series L<sup>A</sup><sub>t</sub>, L<sup>B</sup><sub>t</sub>, d<sub>t</sub> = L<sup>A</sup><sub>t</sub>
 * − L<sup>B</sup><sub>t</sub>, d̄ its mean over T periods and γ̂<sub>k</sub> its autocovariances with divisor T,
 * optimal h-step forecasts have errors that are correlated up to lag h − 1 and no further, so the long-run
 * variance is the <b>unweighted</b> sum Ŝ = γ̂<sub>0</sub> + 2Σ<sub>k=1</sub><sup>h−1</sup>γ̂<sub>k</sub>, as DM
 * (1995) and HLN (1997) assume. Then DM = d̄ / √(Ŝ/T), and the HLN statistic
 * DM* = DM·√((T + 1 − 2h + h(h − 1)/T)/T) is compared with Student's t with T − 1 degrees of freedom
 * (two-sided). <b>Positive DM means forecast A has the larger loss, i.e. B is more accurate.</b>
 *
 * <p>Fallback: the unweighted Ŝ is not guaranteed positive. When it is not, the Bartlett (Newey–West) estimate
 * with the same h − 1 lags, Ŝ = γ̂<sub>0</sub> + 2Σ(1 − k/h)γ̂<sub>k</sub>, is used instead (always ≥ 0) and
 * {@link Result#varianceEstimate()} says {@link VarianceEstimate#BARTLETT_FALLBACK}. Bartlett weights shrink the
 * autocovariances and over-reject with overlapping losses, which is why they are only the fallback. When d is
 * constant the test is degenerate: statistic 0 (p = 1) for d ≡ 0, ±∞ otherwise.
 *
 * <p>Losses for ranking skill on daily cross-sections of instrument returns (for a long-short or ranked book
 * the level of a forecast does not matter, its ordering does):
 * <ul>
 *   <li>{@link Loss#DEMEANED_SQUARED_ERROR} (the default): each day, predictions and realised returns are demeaned
 *       across the instruments that have both, then the mean squared difference is the day's loss;</li>
 *   <li>{@link Loss#ONE_MINUS_RANK_IC}: 1 − the day's Spearman rank correlation of predictions and realised returns
 *       (ties averaged);</li>
 *   <li>{@link Loss#SQUARED_ERROR}: the raw cross-sectional MSE, which mostly measures level and scale.</li>
 * </ul>
 * Days on which a loss is undefined are dropped from both series before the autocovariances are taken.
 */
public final class DieboldMariano {

    /** Which long-run variance the statistic used. */
    public enum VarianceEstimate {
        /** γ̂<sub>0</sub> + 2Σ<sub>k&lt;h</sub>γ̂<sub>k</sub>, as DM (1995) and HLN (1997). */
        UNWEIGHTED,
        /** The unweighted sum was not positive; Bartlett weights 1 − k/h with h − 1 lags were used. */
        BARTLETT_FALLBACK,
        /** The loss differential is constant: no variance to estimate. */
        DEGENERATE
    }

    /** Daily loss of a cross-sectional forecast. */
    public enum Loss {
        DEMEANED_SQUARED_ERROR, ONE_MINUS_RANK_IC, SQUARED_ERROR
    }

    /**
     * @param statistic          DM statistic (positive: A has larger loss)
     * @param pValue             two-sided p-value of DM from the standard normal
     * @param hlnStatistic       Harvey–Leybourne–Newbold corrected statistic
     * @param hlnPValue          two-sided p-value of the corrected statistic, Student's t with T − 1 df
     * @param meanLossDifference d̄ = mean(L<sup>A</sup> − L<sup>B</sup>)
     * @param observations       T
     * @param horizon            h
     * @param longRunVariance    Ŝ used in the statistic
     * @param varianceEstimate   which Ŝ (unweighted, or the Bartlett fallback)
     */
    public record Result(double statistic, double pValue, double hlnStatistic, double hlnPValue,
                         double meanLossDifference, int observations, int horizon, double longRunVariance,
                         VarianceEstimate varianceEstimate) {

        /** Whether equal accuracy is rejected at the given level (two-sided, HLN-corrected p-value). */
        public boolean rejectsEqualAccuracy(double level) {
            return hlnPValue < level;
        }

        /** Whether the unweighted variance was not positive and the Bartlett fallback was used. */
        public boolean fellBack() {
            return varianceEstimate == VarianceEstimate.BARTLETT_FALLBACK;
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
        d = java.util.Arrays.copyOf(d, t);
        double mean = NeweyWest.mean(d);
        double lrv = NeweyWest.autocovariance(d, mean, 0);
        for (int k = 1; k < horizon && k < t; k++) {
            lrv += 2.0 * NeweyWest.autocovariance(d, mean, k);
        }
        VarianceEstimate estimate = VarianceEstimate.UNWEIGHTED;
        if (!(lrv > 0)) {
            lrv = NeweyWest.longRunVariance(d, horizon - 1);
            estimate = lrv > 0 ? VarianceEstimate.BARTLETT_FALLBACK : VarianceEstimate.DEGENERATE;
        }
        double statistic;
        if (estimate == VarianceEstimate.DEGENERATE) {
            statistic = mean == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        } else {
            statistic = mean / Math.sqrt(lrv / t);
        }
        double h = horizon;
        double factor = (t + 1 - 2 * h + h * (h - 1) / t) / t;
        double hln = factor > 0 ? statistic * Math.sqrt(factor) : Double.NaN;
        double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(statistic));
        double pHln = Double.isNaN(hln) ? Double.NaN
                : 2 * new TDistribution(t - 1).cumulativeProbability(-Math.abs(hln));
        return new Result(statistic, p, hln, pHln, mean, t, horizon, lrv, estimate);
    }

    /**
     * Compares two cross-sectional forecasts of the same realised returns with the given daily loss, on the cells
     * where both forecasts and the realised return are finite (so both losses see the same instruments each day).
     *
     * @param predictionsA [day][instrument] forecast A
     * @param predictionsB [day][instrument] forecast B
     * @param realised     [day][instrument] realised h-day returns the forecasts target
     */
    public static Result compare(float[][] predictionsA, float[][] predictionsB, double[][] realised, int horizon,
                                 Loss loss) {
        if (predictionsA.length != realised.length || predictionsB.length != realised.length) {
            throw new IllegalArgumentException("forecasts and realised returns differ in days");
        }
        float[][] a = new float[realised.length][];
        float[][] b = new float[realised.length][];
        for (int t = 0; t < realised.length; t++) {
            a[t] = predictionsA[t].clone();
            b[t] = predictionsB[t].clone();
            for (int i = 0; i < a[t].length; i++) {
                if (!Float.isFinite(a[t][i]) || !Float.isFinite(b[t][i]) || !Double.isFinite(realised[t][i])) {
                    a[t][i] = Float.NaN;
                    b[t][i] = Float.NaN;
                }
            }
        }
        return onLosses(dailyLoss(a, realised, loss), dailyLoss(b, realised, loss), horizon);
    }

    /** The daily loss series of one forecast (NaN on days where it is undefined). */
    public static double[] dailyLoss(float[][] predictions, double[][] realised, Loss loss) {
        return switch (loss) {
            case DEMEANED_SQUARED_ERROR -> dailyDemeanedSquaredErrorLoss(predictions, realised);
            case ONE_MINUS_RANK_IC -> dailyRankIcLoss(predictions, realised);
            case SQUARED_ERROR -> dailySquaredErrorLoss(predictions, realised);
        };
    }

    /**
     * Daily cross-sectional mean squared error: loss<sub>t</sub> = mean over instruments i with both values
     * finite of (prediction<sub>ti</sub> − realised<sub>ti</sub>)², NaN for a day without any pair.
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

    /**
     * Daily cross-sectionally demeaned squared error: over the m<sub>t</sub> instruments with both values finite,
     * loss<sub>t</sub> = m<sub>t</sub><sup>−1</sup>Σ<sub>i</sub>((p<sub>ti</sub> − p̄<sub>t</sub>) −
     * (r<sub>ti</sub> − r̄<sub>t</sub>))²; NaN below two instruments.
     */
    public static double[] dailyDemeanedSquaredErrorLoss(float[][] predictions, double[][] realised) {
        double[] loss = new double[predictions.length];
        for (int t = 0; t < predictions.length; t++) {
            double sp = 0;
            double sr = 0;
            int m = 0;
            for (int i = 0; i < predictions[t].length; i++) {
                if (Float.isFinite(predictions[t][i]) && Double.isFinite(realised[t][i])) {
                    sp += predictions[t][i];
                    sr += realised[t][i];
                    m++;
                }
            }
            if (m < 2) {
                loss[t] = Double.NaN;
                continue;
            }
            double mp = sp / m;
            double mr = sr / m;
            double s = 0;
            for (int i = 0; i < predictions[t].length; i++) {
                if (Float.isFinite(predictions[t][i]) && Double.isFinite(realised[t][i])) {
                    double e = (predictions[t][i] - mp) - (realised[t][i] - mr);
                    s += e * e;
                }
            }
            loss[t] = s / m;
        }
        return loss;
    }

    /**
     * Daily 1 − Rank IC: one minus Spearman's correlation (ties averaged) of predictions and realised returns over
     * the instruments with both values finite; NaN below three instruments or when either side is constant.
     */
    public static double[] dailyRankIcLoss(float[][] predictions, double[][] realised) {
        SpearmansCorrelation spearman =
                new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE));
        double[] loss = new double[predictions.length];
        for (int t = 0; t < predictions.length; t++) {
            int n = predictions[t].length;
            double[] x = new double[n];
            double[] y = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (Float.isFinite(predictions[t][i]) && Double.isFinite(realised[t][i])) {
                    x[m] = predictions[t][i];
                    y[m++] = realised[t][i];
                }
            }
            double rho = m < 3 ? Double.NaN
                    : spearman.correlation(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
            loss[t] = Double.isFinite(rho) ? 1.0 - rho : Double.NaN;
        }
        return loss;
    }

    private static double[] square(double[] e) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i] * e[i];
        }
        return out;
    }
}
