package org.factorguard.quant.models.linear;

import org.factorguard.quant.models.FeatureScaling;

/**
 * Settings of {@link LinearFactorModel}.
 *
 * @param ridgeLambda  ridge penalty λ ≥ 0 on the slopes (per observation, see {@link LinearFactorModel}); 0 = OLS
 * @param scaling      feature preparation estimated on the training slice
 */
public record LinearModelSettings(double ridgeLambda, FeatureScaling scaling) {

    public LinearModelSettings {
        if (!(ridgeLambda >= 0) || Double.isInfinite(ridgeLambda)) {
            throw new IllegalArgumentException("ridge penalty must be a finite non-negative number, was "
                    + ridgeLambda);
        }
        if (scaling == null) {
            throw new IllegalArgumentException("feature scaling is required (use FeatureScaling.none())");
        }
    }

    /** OLS on clipped, z-scored factors. */
    public static LinearModelSettings defaults() {
        return new LinearModelSettings(0, FeatureScaling.defaults());
    }

    public LinearModelSettings withRidge(double lambda) {
        return new LinearModelSettings(lambda, scaling);
    }
}
