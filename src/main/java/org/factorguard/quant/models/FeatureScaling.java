package org.factorguard.quant.models;

/**
 * How {@link FeatureScaler} prepares each factor before it enters a model.
 *
 * @param clipQuantile  winsorising quantile {@code q} in {@code [0, 0.5)}: values are clipped to the
 *                      training slice's {@code [Q(q), Q(1 − q)]}; 0 = no clipping
 * @param standardise   whether to z-score with the training slice's mean and standard deviation
 */
public record FeatureScaling(double clipQuantile, boolean standardise) {

    public FeatureScaling {
        if (!(clipQuantile >= 0 && clipQuantile < 0.5)) {
            throw new IllegalArgumentException("clip quantile must be in [0, 0.5), was " + clipQuantile);
        }
    }

    /** Clip at the 0.5 % / 99.5 % quantiles, then z-score. */
    public static FeatureScaling defaults() {
        return new FeatureScaling(0.005, true);
    }

    /** Leave values as they are (missing values are still imputed with the training mean). */
    public static FeatureScaling none() {
        return new FeatureScaling(0, false);
    }
}
