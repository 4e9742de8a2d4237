package org.factorguard.quant.models.lstm;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.sequence.TrainingListener;

/**
 * A {@link TrainingListener} that also learns which networks of an {@link LstmReturnModel} fit are training: the
 * runs of the configuration search first (one network each), then the seed ensemble, whose inputs it is told
 * before the first member starts. Every network's batches and epochs still arrive through the
 * {@link TrainingListener} methods.
 */
public interface LstmTrainingListener extends TrainingListener {

    /** Search run {@code run} of {@code runs} (0-based) starts, with look-back {@code lookback} and {@code units}. */
    default void onSearchRun(int run, int runs, int lookback, int units) {
    }

    /**
     * The ensemble starts: its members read {@code inputs} (the fold's factors), scaled by {@code scaler}, over
     * {@code lookback} days.
     */
    default void onEnsembleStart(FactorPanel inputs, FeatureScaler scaler, int lookback) {
    }
}
