package org.factorguard.quant.risk;

/**
 * The unbiased sample covariance S<sub>ij</sub> = Σ<sub>t</sub>(r<sub>ti</sub> − r̄<sub>i</sub>)(r<sub>tj</sub> −
 * r̄<sub>j</sub>)/(T − 1) of a return window, with the missing-value rule of {@link CovarianceEstimator}.
 * Singular whenever the window is shorter than the number of assets; prefer
 * {@link LedoitWolfCovariance} for allocation.
 */
public final class SampleCovariance implements CovarianceEstimator {

    @Override
    public double[][] estimate(double[][] returnsByDay) {
        DemeanedReturns d = new DemeanedReturns(returnsByDay);
        double[][] s = d.crossProducts(Math.max(1, d.days - 1));
        d.fillUnobserved(s);
        return s;
    }

    @Override
    public String name() {
        return "sample";
    }
}
