package org.factorguard.quant.models.sequence;

/**
 * Receives training progress. Called on the training thread: keep it quick.
 */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    /** After each mini-batch (implementations may throttle). */
    default void onBatch(EpochProgress progress) {
    }

    /**
     * After each epoch, with a predictor over the weights as they are at that moment (a checkpoint),
     * valid only during this call. Lets callers evaluate every epoch without extra training.
     */
    default void onEpochEnd(EpochProgress progress, SequencePredictor checkpoint) {
    }
}
