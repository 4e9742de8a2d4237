package org.factorguard.quant.models.sequence;

/**
 * Progress of a training run.
 *
 * @param epoch          1-based epoch
 * @param maxEpochs      configured maximum
 * @param batch          1-based mini-batch within the epoch (equals {@code batches} at epoch end)
 * @param batches        mini-batches per epoch
 * @param trainLoss      mean training MSE of the epoch so far
 * @param validationLoss validation MSE after the epoch ({@code NaN} during an epoch or without validation)
 * @param elapsedMillis  time since training started
 */
public record EpochProgress(int epoch, int maxEpochs, int batch, int batches, double trainLoss,
                            double validationLoss, long elapsedMillis) {
}
