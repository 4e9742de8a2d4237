package org.factorguard.quant.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.validation.OutOfSampleEvaluation;
import org.factorguard.quant.validation.OutOfSampleMetrics;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Runs a {@link ReturnModel} through every fold of a walk-forward plan: fit on the fold's training (and
 * validation) slice, predict its test slice, evaluate out of sample, and stitch the test predictions of all
 * folds into one series per model. Each fold is fitted from scratch, so a prediction for day {@code t}
 * depends only on factor values at days {@code ≤ t} and on labels that are fully realised before the fold's
 * test starts. A fold may use a subset of the panel's factors (chosen inside the fold, e.g. by a screen on its
 * training window): the model then fits and predicts on those columns only.
 */
public final class WalkForwardRun {

    private WalkForwardRun() {
    }

    public static WalkForwardResult run(ReturnModel model, FactorPanel panel, double[][] labels, WalkForwardPlan plan,
                                        WalkForwardListener listener, CancellationToken cancel) {
        return run(model, panel, labels, plan.folds(), listener, cancel);
    }

    /**
     * @param labels {@code [day][instrument]} forward log returns aligned with the panel (NaN where unknown)
     * @param folds  folds in time order with non-overlapping test slices
     */
    public static WalkForwardResult run(ReturnModel model, FactorPanel panel, double[][] labels,
                                        List<WalkForwardSplit> folds, WalkForwardListener listener,
                                        CancellationToken cancel) {
        return run(model, panel, labels, folds, null, listener, cancel);
    }

    /**
     * @param labels {@code [day][instrument]} forward log returns aligned with the panel (NaN where unknown)
     * @param folds  folds in time order with non-overlapping test slices
     * @param inputs per fold, the factors of {@code panel} its model uses in input order ({@code null} = all)
     */
    public static WalkForwardResult run(ReturnModel model, FactorPanel panel, double[][] labels,
                                        List<WalkForwardSplit> folds, List<List<String>> inputs,
                                        WalkForwardListener listener, CancellationToken cancel) {
        if (inputs != null && inputs.size() != folds.size()) {
            throw new IllegalArgumentException(inputs.size() + " input lists for " + folds.size() + " folds");
        }
        if (labels.length != panel.dayCount()) {
            throw new IllegalArgumentException("labels have " + labels.length + " days, the panel " + panel.dayCount());
        }
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a walk-forward run needs at least one fold");
        }
        for (int f = 1; f < folds.size(); f++) {
            if (folds.get(f).testStart() < folds.get(f - 1).testEnd()) {
                throw new IllegalArgumentException("test slices of folds " + (f - 1) + " and " + f
                        + " overlap or are out of order");
            }
        }
        WalkForwardSplit last = folds.getLast();
        if (last.testEnd() > panel.dayCount()) {
            throw new IllegalArgumentException("the last fold tests up to day " + last.testEnd() + " but the panel has "
                    + panel.dayCount() + " days");
        }
        float[][] stitched = new float[panel.dayCount()][panel.instrumentCount()];
        for (float[] row : stitched) {
            Arrays.fill(row, Float.NaN);
        }
        List<FoldResult> results = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            cancel.throwIfCancelled();
            WalkForwardSplit split = folds.get(f);
            listener.onFoldStarted(f, folds.size(), split);
            FactorPanel foldPanel = inputs == null || inputs.get(f).equals(panel.factorNames()) ? panel
                    : panel.select(inputs.get(f));
            FittedReturnModel fitted = model.fit(foldPanel, labels, split, listener.trainingListener(f), cancel);
            Forecast forecast = fitted.forecast(foldPanel, split.testStart(), split.testEnd());
            listener.onFoldFitted(f, split, fitted, foldPanel);
            for (int r = 0; r < forecast.mean().length; r++) {
                System.arraycopy(forecast.mean()[r], 0, stitched[split.testStart() + r], 0, panel.instrumentCount());
            }
            OutOfSampleMetrics metrics = OutOfSampleEvaluation.evaluate(stitched, labels, split);
            FoldResult result = new FoldResult(f, split, fitted.fit(), metrics, forecast.averageMemberSpread(),
                    foldPanel.factorNames());
            results.add(result);
            listener.onFoldFinished(result);
        }
        OutOfSampleMetrics overall = OutOfSampleEvaluation.evaluate(stitched, labels, folds.getFirst().testStart(),
                last.testEnd());
        return new WalkForwardResult(model.name(), results, stitched, overall);
    }
}
