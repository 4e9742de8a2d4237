package org.factorguard.quant.factors;

/**
 * Trailing rolling mean of a daily series with missing values (NaN), e.g. of the daily Rank IC:
 * <pre>
 *   m_t = (1 / n_t) · Σ x_s over s in (t − w, t] with x_s not NaN,   n_t = the number of such s,
 *   m_t = NaN when n_t &lt; minValid.
 * </pre>
 * Causal: m_t uses only x_{t−w+1} … x_t. Same definition as pandas'
 * {@code Series.rolling(window=w, min_periods=minValid).mean()}.
 */
public final class RollingMean {

    private RollingMean() {
    }

    /** The rolling mean of {@code daily} over {@code window} days, NaN where fewer than {@code minValid} are valid. */
    public static double[] of(double[] daily, int window, int minValid) {
        if (window < 1 || minValid < 1 || minValid > window) {
            throw new IllegalArgumentException("need 1 <= minValid <= window, got window " + window + ", minValid "
                    + minValid);
        }
        double[] out = new double[daily.length];
        double sum = 0;
        int valid = 0;
        for (int t = 0; t < daily.length; t++) {
            if (!Double.isNaN(daily[t])) {
                sum += daily[t];
                valid++;
            }
            if (t >= window && !Double.isNaN(daily[t - window])) {
                sum -= daily[t - window];
                valid--;
            }
            out[t] = valid >= minValid ? sum / valid : Double.NaN;
        }
        return out;
    }
}
