package org.factorguard.quant.risk;

/**
 * The unbiased sample covariance of {@link SampleCovariance} in factored form:
 * Σ = X'X/(T − 1) with X the T×n demeaned returns, i.e. d = 0, B = X', ω<sub>t</sub> = 1/(T − 1) (rank ≤ T),
 * plus the average variance on the diagonal of unobserved assets. Same entries as {@link SampleCovariance}.
 */
public final class FactoredSampleCovariance implements FactoredCovarianceEstimator {

    @Override
    public FactoredCovariance estimateFactored(double[][] returnsByDay) {
        DemeanedReturns d = new DemeanedReturns(returnsByDay);
        double[] weights = new double[d.days];
        java.util.Arrays.fill(weights, 1.0 / Math.max(1, d.days - 1));
        return FactoredLedoitWolfCovariance.assemble(d, new double[d.assets], weights, null, 0.0);
    }

    @Override
    public String name() {
        return "sample";
    }
}
