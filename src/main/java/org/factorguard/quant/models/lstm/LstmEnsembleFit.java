package org.factorguard.quant.models.lstm;

import java.util.List;

import org.factorguard.quant.models.ModelFit;
import org.factorguard.quant.models.sequence.TrainingHistory;

/**
 * What training an LSTM ensemble produced.
 *
 * @param trainingSamples       stock-day sequences each member trained on
 * @param validationSamples     stock-day sequences of the validation slice (0 = none)
 * @param trainingCurves        one curve per member (seed {@code seed + k})
 * @param memberValidationMse   each member's validation MSE at its kept epoch (NaN without validation)
 * @param search                the fold's look-back and units and how they were chosen (null when not recorded,
 *                              e.g. for a loaded model)
 */
public record LstmEnsembleFit(long trainingSamples, long validationSamples, List<TrainingHistory> trainingCurves,
                              double[] memberValidationMse, LstmSearchResult search) implements ModelFit {

    public LstmEnsembleFit {
        trainingCurves = List.copyOf(trainingCurves);
        memberValidationMse = memberValidationMse.clone();
    }

    /** Without a record of the configuration choice. */
    public LstmEnsembleFit(long trainingSamples, long validationSamples, List<TrainingHistory> trainingCurves,
                           double[] memberValidationMse) {
        this(trainingSamples, validationSamples, trainingCurves, memberValidationMse, null);
    }

    @Override
    public int configurationsEvaluated() {
        return search == null ? 1 : search.configurationsEvaluated();
    }

    public int members() {
        return trainingCurves.size();
    }

    /** Mean of the members' validation MSE. */
    public double meanValidationMse() {
        double sum = 0;
        for (double v : memberValidationMse) {
            sum += v;
        }
        return sum / memberValidationMse.length;
    }

    /** Sample standard deviation of the members' validation MSE (the seed spread; NaN for one member). */
    public double validationMseSpread() {
        int n = memberValidationMse.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = meanValidationMse();
        double ss = 0;
        for (double v : memberValidationMse) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
