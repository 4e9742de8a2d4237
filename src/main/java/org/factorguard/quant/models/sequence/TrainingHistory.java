package org.factorguard.quant.models.sequence;

import java.util.List;

/**
 * The curve of one training run.
 *
 * @param epochs     one entry per completed epoch
 * @param bestEpoch  1-based epoch whose weights were kept (lowest validation loss, or the last one
 *                   without validation)
 * @param stoppedEarly whether early stopping ended the run before {@code maxEpochs}
 */
public record TrainingHistory(List<EpochProgress> epochs, int bestEpoch, boolean stoppedEarly) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }
}
