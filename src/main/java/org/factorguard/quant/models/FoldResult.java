package org.factorguard.quant.models;

import java.util.List;

import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.validation.OutOfSampleMetrics;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Outcome of one walk-forward fold.
 *
 * @param index              0-based fold number
 * @param split              the fold's slices
 * @param fit                what the model reported about its fit on the training slice
 * @param testMetrics        out-of-sample metrics on the test slice
 * @param averageMemberSpread mean between-seed standard deviation of the test predictions (NaN for a single model)
 * @param factors            the factors the fold's model used, in input order
 */
public record FoldResult(int index, WalkForwardSplit split, ModelFit fit, OutOfSampleMetrics testMetrics,
                         double averageMemberSpread, List<String> factors) {

    public FoldResult {
        factors = List.copyOf(factors);
    }

    /** Training curves of the fold (one per ensemble member; empty for closed-form models). */
    public List<TrainingHistory> trainingCurves() {
        return fit.trainingCurves();
    }
}
