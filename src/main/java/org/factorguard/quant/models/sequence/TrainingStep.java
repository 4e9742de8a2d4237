package org.factorguard.quant.models.sequence;

/**
 * What one LSTM implementation supplies to {@link SequenceTrainer}: one optimiser step on a mini-batch,
 * prediction with the current parameters, and a snapshot of the parameters for early stopping. Everything
 * around it (order, batching, cancellation, progress, divergence, early stopping) belongs to the trainer.
 */
public interface TrainingStep extends SequencePredictor {

    /**
     * Forward pass, back-propagation and one parameter update on {@code batch}.
     *
     * @return the batch's training loss summed over its samples (the implementation's per-sample loss,
     *         e.g. squared error plus penalty, times the batch size); when it is not finite the trainer fails
     *         and the step may skip the update
     */
    double train(SequenceBatch batch);

    /** Keeps a copy of the current parameters, replacing the previous copy. */
    void snapshot();

    /** Puts the parameters of the last {@link #snapshot} back. */
    void restoreSnapshot();
}
