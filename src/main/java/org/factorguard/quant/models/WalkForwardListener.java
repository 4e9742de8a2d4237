package org.factorguard.quant.models;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;

/** Progress of a {@link WalkForwardRun}. Called on the running thread. */
public interface WalkForwardListener {

    WalkForwardListener NONE = new WalkForwardListener() {
    };

    default void onFoldStarted(int fold, int folds, WalkForwardSplit split) {
    }

    /** Listener for the training inside fold {@code fold}. */
    default TrainingListener trainingListener(int fold) {
        return TrainingListener.NONE;
    }

    /**
     * The fold's trained model, after its test slice was predicted and before {@link #onFoldFinished}: the place for
     * analyses that need the model itself, such as {@link PermutationImportance} on {@code split}'s test slice.
     */
    default void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel model) {
    }

    /**
     * As {@link #onFoldFitted(int, WalkForwardSplit, FittedReturnModel)}, with the factors the fold's model reads
     * ({@code inputs}: the run's panel, or the subset of its factors chosen inside the fold); by default the
     * three-argument call, which suits runs whose folds all use the whole panel.
     */
    default void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel model, FactorPanel inputs) {
        onFoldFitted(fold, split, model);
    }

    default void onFoldFinished(FoldResult result) {
    }
}
