package org.factorguard.quant.risk;

/**
 * Estimates the covariance matrix of daily asset returns from a window of observations.
 *
 * <p>Input is a {@code double[day][asset]} matrix of daily simple returns (see {@link TrailingReturns});
 * {@link Double#NaN} marks a missing return. Implementations share the same missing-value rule: a
 * missing return is replaced by that asset's mean over the finite returns of the window, so it adds no
 * deviation (it neither inflates nor creates co-movement, and the matrix stays positive semi-definite).
 * An asset without any finite return in the window gets the average variance of the other assets and
 * zero covariances.
 */
public interface CovarianceEstimator {

    /** The daily covariance matrix {@code [asset][asset]}, symmetric and positive semi-definite. */
    double[][] estimate(double[][] returnsByDay);

    /** Short name for reports, e.g. "sample" or "ledoit-wolf (constant correlation)". */
    String name();
}
