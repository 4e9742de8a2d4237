package org.factorguard.quant.models;

import java.util.List;

import org.factorguard.quant.validation.OutOfSampleMetrics;

/**
 * All folds of one model's walk-forward run.
 *
 * @param modelName    the model's display name
 * @param folds        per-fold fits, training curves and test metrics
 * @param predictions  stitched out-of-sample predictions {@code [day][instrument]} over the whole panel:
 *                     each test day holds the prediction of the fold that tests it; NaN outside test slices
 * @param overall      metrics over the stitched series (all test days)
 */
public record WalkForwardResult(String modelName, List<FoldResult> folds, float[][] predictions,
                                OutOfSampleMetrics overall) {

    public WalkForwardResult {
        folds = List.copyOf(folds);
    }
}
