package org.factorguard.quant.allocation;

import org.factorguard.quant.risk.CovarianceEstimator;
import org.factorguard.quant.risk.EwmaCovariance;
import org.factorguard.quant.risk.LedoitWolfCovariance;

/**
 * Which estimator gives the allocation its ex-ante covariance Σ of raw daily returns over the look-back window.
 * <ul>
 *   <li>{@link #LEDOIT_WOLF}: equally weighted sample covariance shrunk towards constant correlation
 *       ({@link LedoitWolfCovariance}); the choice before this setting existed.</li>
 *   <li>{@link #EWMA}: RiskMetrics exponentially weighted covariance, λ = 0.94 ({@link EwmaCovariance}),
 *       which follows volatility clusters.</li>
 * </ul>
 */
public enum CovarianceModel {
    LEDOIT_WOLF,
    EWMA;

    /** A fresh estimator of this kind. */
    public CovarianceEstimator estimator() {
        return this == EWMA ? new EwmaCovariance() : new LedoitWolfCovariance();
    }
}
