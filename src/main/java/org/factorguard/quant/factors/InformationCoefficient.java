package org.factorguard.quant.factors;

import java.util.Arrays;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * The daily information coefficient of a factor: the cross-sectional correlation, over the instruments
 * that have both a factor value and a forward return that day (pairwise complete), between factor values
 * at day t and forward returns from t to t + h.
 * <ul>
 *   <li>IC: Pearson's product-moment correlation (Hipparchus {@link PearsonsCorrelation}).</li>
 *   <li>Rank IC: Spearman's rank correlation with tied values given their average rank
 *       (Hipparchus {@link SpearmansCorrelation} with {@link NaturalRanking} and {@link TiesStrategy#AVERAGE}).</li>
 * </ul>
 * NaN when fewer than {@code minObservations} pairs exist or one side is constant.
 * Reference: Grinold &amp; Kahn, <i>Active Portfolio Management</i> (2000), ch. 6.
 *
 * <p>An instance keeps reusable buffers and is not thread-safe; use one per thread.
 */
public final class InformationCoefficient {

    private final int minObservations;
    private final PearsonsCorrelation pearson = new PearsonsCorrelation();
    private final SpearmansCorrelation spearman =
            new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE));
    private double[] x = new double[0];
    private double[] y = new double[0];

    public InformationCoefficient(int minObservations) {
        if (minObservations < 3) {
            throw new IllegalArgumentException("a correlation needs at least 3 observations, got " + minObservations);
        }
        this.minObservations = minObservations;
    }

    /** Pearson IC of one day. */
    public double pearson(float[] factor, double[] forwardReturns) {
        int m = load(factor, forwardReturns);
        return m < minObservations ? Double.NaN : finiteOrNaN(pearson.correlation(exact(x, m), exact(y, m)));
    }

    /** Spearman Rank IC of one day (ties averaged). */
    public double rank(float[] factor, double[] forwardReturns) {
        int m = load(factor, forwardReturns);
        return m < minObservations ? Double.NaN : finiteOrNaN(spearman.correlation(exact(x, m), exact(y, m)));
    }

    /** Both on the same pairs: {@code out[0]} = IC, {@code out[1]} = Rank IC. */
    public void both(float[] factor, double[] forwardReturns, double[] out) {
        int m = load(factor, forwardReturns);
        if (m < minObservations) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        double[] xs = exact(x, m);
        double[] ys = exact(y, m);
        out[0] = finiteOrNaN(pearson.correlation(xs, ys));
        out[1] = finiteOrNaN(spearman.correlation(xs, ys));
    }

    private int load(float[] factor, double[] forwardReturns) {
        if (factor.length != forwardReturns.length) {
            throw new IllegalArgumentException("factor and returns must have one value per instrument");
        }
        if (x.length != factor.length) {
            x = new double[factor.length];
            y = new double[factor.length];
        }
        int m = 0;
        boolean constant = true;
        float first = Float.NaN;
        for (int i = 0; i < factor.length; i++) {
            float f = factor[i];
            double r = forwardReturns[i];
            if (!Float.isNaN(f) && !Double.isNaN(r)) {
                if (m == 0) {
                    first = f;
                } else if (f != first) {
                    constant = false;
                }
                x[m] = f;
                y[m++] = r;
            }
        }
        return constant ? 0 : m;
    }

    private static double[] exact(double[] buffer, int m) {
        return m == buffer.length ? buffer : Arrays.copyOf(buffer, m);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
