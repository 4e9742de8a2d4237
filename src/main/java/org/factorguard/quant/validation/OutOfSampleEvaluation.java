package org.factorguard.quant.validation;

import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Cross-sectional out-of-sample evaluation of return predictions against realised labels.
 *
 * <p>For each day {@code t} with at least three finite (prediction, label) pairs:
 * {@code IC_t = corr(ŷ_{·,t}, y_{·,t})} (Pearson) and {@code RankIC_t} (Spearman, average ranks for
 * ties). Over days: {@code IC = mean_t IC_t}, {@code ICIR = mean_t IC_t / sd_t IC_t}. Pooled over all
 * pairs: {@code MSE = mean (ŷ − y)²} and the directional hit rate {@code mean 1[sign ŷ = sign y]} over
 * pairs with {@code y ≠ 0}. (Grinold &amp; Kahn, <i>Active Portfolio Management</i>, 2nd ed., 2000, ch. 6.)
 * Correlations come from Hipparchus.
 */
public final class OutOfSampleEvaluation {

    private static final int MIN_PAIRS_PER_DAY = 3;

    private OutOfSampleEvaluation() {
    }

    /**
     * Evaluates {@code predictions[day][instrument]} against {@code labels[day][instrument]} (both indexed
     * by absolute day) over {@code [fromDay, toDay)}. NaN entries on either side are skipped.
     */
    public static OutOfSampleMetrics evaluate(float[][] predictions, double[][] labels, int fromDay, int toDay) {
        if (fromDay < 0 || toDay < fromDay || toDay > predictions.length || toDay > labels.length) {
            throw new IllegalArgumentException("day range [" + fromDay + ", " + toDay + ") outside the data");
        }
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        double[] dailyIc = new double[toDay - fromDay];
        double[] dailyRankIc = new double[toDay - fromDay];
        double squaredErrors = 0;
        long observations = 0;
        long hits = 0;
        long signed = 0;
        for (int t = fromDay; t < toDay; t++) {
            float[] p = predictions[t];
            double[] y = labels[t];
            int n = 0;
            double[] px = new double[p.length];
            double[] ly = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                if (Float.isFinite(p[i]) && Double.isFinite(y[i])) {
                    px[n] = p[i];
                    ly[n] = y[i];
                    n++;
                    double e = p[i] - y[i];
                    squaredErrors += e * e;
                    observations++;
                    if (y[i] != 0) {
                        signed++;
                        if (Math.signum(p[i]) == Math.signum(y[i])) {
                            hits++;
                        }
                    }
                }
            }
            dailyIc[t - fromDay] = Double.NaN;
            dailyRankIc[t - fromDay] = Double.NaN;
            if (n >= MIN_PAIRS_PER_DAY) {
                double[] a = java.util.Arrays.copyOf(px, n);
                double[] b = java.util.Arrays.copyOf(ly, n);
                if (!isConstant(a) && !isConstant(b)) {
                    dailyIc[t - fromDay] = pearson.correlation(a, b);
                    dailyRankIc[t - fromDay] = spearman.correlation(a, b);
                }
            }
        }
        double[] ic = summarise(dailyIc);
        double[] rankIc = summarise(dailyRankIc);
        return new OutOfSampleMetrics(fromDay, toDay, (int) ic[2], observations, ic[0], rankIc[0], ic[1], rankIc[1],
                observations == 0 ? Double.NaN : squaredErrors / observations,
                signed == 0 ? Double.NaN : (double) hits / signed, dailyIc, dailyRankIc);
    }

    /** Evaluates the test slice of one fold. */
    public static OutOfSampleMetrics evaluate(float[][] predictions, double[][] labels, WalkForwardSplit split) {
        return evaluate(predictions, labels, split.testStart(), split.testEnd());
    }

    private static boolean isConstant(double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (v[i] != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** {mean, mean/sd, count} over the finite entries. */
    private static double[] summarise(double[] daily) {
        int n = 0;
        double sum = 0;
        for (double v : daily) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN, 0};
        }
        double mean = sum / n;
        if (n < 2) {
            return new double[]{mean, Double.NaN, n};
        }
        double ss = 0;
        for (double v : daily) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new double[]{mean, sd > 0 ? mean / sd : Double.NaN, n};
    }
}
