package org.factorguard.quant.models;

import org.factorguard.quant.factors.FactorPanel;

/** A trained {@link ReturnModel}: predicts forward returns for any days after its training data. */
public interface FittedReturnModel {

    /** What the fit produced (coefficients, curves, …). */
    ModelFit fit();

    /**
     * Predicted forward return of every instrument on days {@code [fromDay, toDay)}, as
     * {@code [day − fromDay][instrument]}. The prediction for day {@code t} reads panel values at days
     * {@code ≤ t} only. NaN where the instrument has no factor value on day {@code t}.
     */
    default float[][] predict(FactorPanel panel, int fromDay, int toDay) {
        return forecast(panel, fromDay, toDay).mean();
    }

    /** As {@link #predict}, with the between-member spread for ensembles. */
    Forecast forecast(FactorPanel panel, int fromDay, int toDay);
}
