package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Newey–West (heteroskedasticity and autocorrelation consistent) inference on the mean of a time series,
 * for series whose observations overlap: a daily IC or a per-date regression coefficient measured against
 * h-day forward returns shares h − 1 days of return with its neighbours, so L = h − 1 lags are needed.
 *
 * <p>With x̄ the mean of T observations and γ̂<sub>k</sub> = T<sup>−1</sup>Σ<sub>t&gt;k</sub>(x<sub>t</sub> −
 * x̄)(x<sub>t−k</sub> − x̄), the Bartlett long-run variance is
 * Ŝ = γ̂<sub>0</sub> + 2Σ<sub>k=1</sub><sup>L</sup>(1 − k/(L + 1))γ̂<sub>k</sub> (W. K. Newey and K. D. West,
 * "A simple, positive semi-definite, heteroskedasticity and autocorrelation consistent covariance matrix",
 * Econometrica 55(3), 1987). The mean test uses SE(x̄) = √(Ŝ/T · T/(T − 1)) and t = x̄/SE with a two-sided
 * p-value from Student's t with T − 1 degrees of freedom. This is statsmodels'
 * {@code OLS(x, ones).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': True}, use_t=True)};
 * with L = 0 it is the classical one-sample t-test.
 */
public final class NeweyWest {

    /**
     * @param observations  T, finite values used
     * @param mean          x̄
     * @param standardError HAC standard error of x̄ (with the T/(T − 1) correction)
     * @param tStatistic    x̄ / SE (NaN when SE is 0)
     * @param pValue        two-sided, Student's t with T − 1 degrees of freedom
     * @param lags          L
     */
    public record MeanTest(int observations, double mean, double standardError, double tStatistic, double pValue,
                           int lags) {
    }

    private NeweyWest() {
    }

    /** L = h − 1 lags for a statistic measured against h-day forward returns (h ≥ 1). */
    public static int lagsForHorizon(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        return horizon - 1;
    }

    /**
     * Ŝ, the Bartlett-weighted long-run variance with divisor T (statsmodels {@code S_hac_simple(x − x̄, L)/T}).
     * Lags beyond T − 1 are ignored.
     */
    public static double longRunVariance(double[] x, int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be non-negative");
        }
        int t = x.length;
        double mean = mean(x);
        double s = autocovariance(x, mean, 0);
        for (int k = 1; k <= lags && k < t; k++) {
            s += 2.0 * (1.0 - k / (lags + 1.0)) * autocovariance(x, mean, k);
        }
        return s;
    }

    /** The test of mean = 0 on the finite values of {@code x} (NaN days are dropped, the rest kept in order). */
    public static MeanTest meanTest(double[] x, int lags) {
        double[] v = finite(x);
        int n = v.length;
        if (n < 2) {
            return new MeanTest(n, n == 1 ? v[0] : Double.NaN, Double.NaN, Double.NaN, Double.NaN, lags);
        }
        double mean = mean(v);
        double variance = longRunVariance(v, lags) * n / (n - 1.0);
        double se = variance > 0 ? Math.sqrt(variance / n) : 0.0;
        double t = se > 0 ? mean / se : Double.NaN;
        double p = Double.isNaN(t) ? Double.NaN : 2.0 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t));
        return new MeanTest(n, mean, se, t, p, lags);
    }

    static double[] finite(double[] x) {
        int k = 0;
        double[] out = new double[x.length];
        for (double v : x) {
            if (Double.isFinite(v)) {
                out[k++] = v;
            }
        }
        return k == x.length ? out : java.util.Arrays.copyOf(out, k);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** γ̂<sub>k</sub> with divisor T. */
    static double autocovariance(double[] x, double mean, int lag) {
        double s = 0;
        for (int i = lag; i < x.length; i++) {
            s += (x[i] - mean) * (x[i - lag] - mean);
        }
        return s / x.length;
    }
}
