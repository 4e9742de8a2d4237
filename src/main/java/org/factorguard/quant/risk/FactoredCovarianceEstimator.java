package org.factorguard.quant.risk;

/**
 * A {@link CovarianceEstimator} whose estimate is diagonal plus low rank ({@link FactoredCovariance}), so it can
 * be handed to a structured solver without forming the n×n matrix. {@link #estimate} forms it densely.
 */
public interface FactoredCovarianceEstimator extends CovarianceEstimator {

    /** The estimate as D + B·diag(ω)·B', same missing-value rule as {@link CovarianceEstimator}. */
    FactoredCovariance estimateFactored(double[][] returnsByDay);

    @Override
    default double[][] estimate(double[][] returnsByDay) {
        return estimateFactored(returnsByDay).toArray();
    }
}
