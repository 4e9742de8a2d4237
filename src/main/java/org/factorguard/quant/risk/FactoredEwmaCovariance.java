package org.factorguard.quant.risk;

/**
 * Exponentially weighted covariance (RiskMetrics, J.P. Morgan/Reuters, <i>RiskMetrics — Technical Document</i>,
 * 4th ed., 1996, section 5.2) over a finite window, in factored form:
 *
 * <pre>
 *   c_t = λ^(T−1−t) / Σ_s λ^(T−1−s),   m = Σ_t c_t·r_t,
 *   Σ = Σ_t c_t·(r_t − m)(r_t − m)'
 * </pre>
 *
 * (the newest day has the largest weight; the weighted mean is removed, as pandas'
 * {@code ewm(alpha = 1 − λ, adjust = True).cov(bias = True)}). Rank ≤ T. A missing return is replaced by the
 * asset's weighted mean over its finite returns, so it adds no deviation; an asset without a finite return
 * gets the average variance of the others (the rule of {@link CovarianceEstimator}). Unlike {@link EwmaCovariance}
 * (zero mean, RiskMetrics' convention for daily VaR) it removes the weighted mean.
 */
public final class FactoredEwmaCovariance implements FactoredCovarianceEstimator {

    private final double decay;

    /** @param decay λ ∈ (0, 1], e.g. 0.94 (RiskMetrics daily); 1 gives equal weights (divisor T) */
    public FactoredEwmaCovariance(double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1]");
        }
        this.decay = decay;
    }

    public double decay() {
        return decay;
    }

    @Override
    public FactoredCovariance estimateFactored(double[][] returnsByDay) {
        int days = returnsByDay.length;
        if (days == 0) {
            throw new IllegalArgumentException("the return window is empty");
        }
        int n = returnsByDay[0].length;
        double[] c = new double[days];
        double total = 0;
        for (int t = days - 1; t >= 0; t--) {
            c[t] = t == days - 1 ? 1.0 : c[t + 1] * decay;
            total += c[t];
        }
        for (int t = 0; t < days; t++) {
            c[t] /= total;
        }
        double[][] loadings = new double[n][days];
        boolean[] observed = new boolean[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            double weight = 0;
            for (int t = 0; t < days; t++) {
                double[] row = returnsByDay[t];
                if (row.length != n) {
                    throw new IllegalArgumentException("ragged return window");
                }
                if (Double.isFinite(row[i])) {
                    s += c[t] * row[i];
                    weight += c[t];
                }
            }
            observed[i] = weight > 0;
            double mean = weight > 0 ? s / weight : 0.0;
            for (int t = 0; t < days; t++) {
                double v = returnsByDay[t][i];
                loadings[i][t] = Double.isFinite(v) ? v - mean : 0.0;
            }
        }
        double[] diagonal = new double[n];
        FactoredLedoitWolfCovariance.fillUnobserved(diagonal, loadings, c, observed);
        return new FactoredCovariance(diagonal, loadings, c);
    }

    @Override
    public String name() {
        return "ewma, demeaned (λ " + decay + ")";
    }
}
