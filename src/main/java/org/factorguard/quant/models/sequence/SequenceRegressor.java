package org.factorguard.quant.models.sequence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A trainable sequence-to-one regressor (an LSTM) trained on mean squared error. Two
 * implementations exist behind this contract: DL4J's standard network (the reference) and the fast
 * hand-written one (the default), selected by a setting.
 */
public interface SequenceRegressor extends SequencePredictor {

    /**
     * Trains from scratch with {@link SequenceTrainer}. When {@code validation} is non-null (and then
     * non-empty), early stopping watches its MSE and the best epoch's weights are kept.
     *
     * @throws TrainingCancelledException when {@code cancel} asks for it (checked between mini-batches)
     * @throws TrainingDivergedException (an {@link IllegalStateException}) when the training or validation
     *         loss becomes NaN or infinite
     */
    TrainingHistory fit(SequenceSource train, SequenceSource validation, LstmSettings settings,
                        TrainingListener listener, CancellationToken cancel);

    /** Writes the trained weights and settings so that {@link #load}ed copies predict identically. */
    void save(OutputStream out) throws IOException;

    /** Replaces this regressor's state by a saved one. */
    void load(InputStream in) throws IOException;
}
