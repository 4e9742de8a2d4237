package org.factorguard.quant.risk;

/**
 * Exponentially weighted (RiskMetrics) covariance of daily returns: with the window's returns r<sub>1</sub> …
 * r<sub>T</sub> (r<sub>T</sub> the most recent) and decay λ,
 * Σ̂ = Σ<sub>k=0</sub><sup>T−1</sup>w<sub>k</sub>r<sub>T−k</sub>r<sub>T−k</sub>' with w<sub>k</sub> =
 * λ<sup>k</sup>/Σ<sub>j&lt;T</sub>λ<sup>j</sup>, the recursion Σ<sub>t</sub> = λΣ<sub>t−1</sub> + (1 − λ)
 * r<sub>t</sub>r<sub>t</sub>' with its weights normalised to sum to one over a finite window. Means are taken as
 * zero, as RiskMetrics does for daily returns (J.P. Morgan/Reuters, <i>RiskMetrics — Technical Document</i>,
 * 4th ed., 1996, §5.2; λ = 0.94 for daily data). Equals pandas' {@code (r_i*r_j).ewm(alpha=1-λ, adjust=True)
 * .mean()} at the last day.
 *
 * <p>Recent days dominate: with λ = 0.94 the last 20 days carry 71 % of the weight, so the estimate follows
 * volatility clusters that an equally weighted window averages away. Missing returns: the
 * {@link CovarianceEstimator} rule with the zero mean used here, i.e. a missing return adds no deviation
 * (it counts as 0); an asset with no finite return in the window gets the average variance of the others.
 */
public final class EwmaCovariance implements CovarianceEstimator {

    /** RiskMetrics' decay for daily returns. */
    public static final double RISKMETRICS_DAILY_DECAY = 0.94;

    private final double decay;

    /** λ = 0.94. */
    public EwmaCovariance() {
        this(RISKMETRICS_DAILY_DECAY);
    }

    /** @param decay λ in (0, 1) */
    public EwmaCovariance(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), was " + decay);
        }
        this.decay = decay;
    }

    public double decay() {
        return decay;
    }

    @Override
    public double[][] estimate(double[][] returnsByDay) {
        if (returnsByDay.length == 0) {
            throw new IllegalArgumentException("the return window is empty");
        }
        int days = returnsByDay.length;
        int assets = returnsByDay[0].length;
        double[][] cov = new double[assets][assets];
        boolean[] observed = new boolean[assets];
        double weight = 1.0;
        double totalWeight = 0;
        double[] x = new double[assets];
        for (int t = days - 1; t >= 0; t--) {
            double[] row = returnsByDay[t];
            if (row.length != assets) {
                throw new IllegalArgumentException("ragged return window");
            }
            for (int i = 0; i < assets; i++) {
                boolean finite = Double.isFinite(row[i]);
                x[i] = finite ? row[i] : 0.0;
                observed[i] |= finite;
            }
            for (int i = 0; i < assets; i++) {
                double wi = weight * x[i];
                if (wi == 0.0) {
                    continue;
                }
                double[] ci = cov[i];
                for (int j = i; j < assets; j++) {
                    ci[j] += wi * x[j];
                }
            }
            totalWeight += weight;
            weight *= decay;
        }
        double fill = 0;
        int k = 0;
        for (int i = 0; i < assets; i++) {
            for (int j = i; j < assets; j++) {
                cov[i][j] /= totalWeight;
                cov[j][i] = cov[i][j];
            }
            if (observed[i]) {
                fill += cov[i][i];
                k++;
            }
        }
        fill = k > 0 ? fill / k : 0.0;
        for (int i = 0; i < assets; i++) {
            if (!observed[i]) {
                cov[i][i] = fill;
            }
        }
        return cov;
    }

    @Override
    public String name() {
        return "ewma (λ = " + decay + ")";
    }
}
