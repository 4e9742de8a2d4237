package org.factorguard.quant.models.sequence;

/**
 * Hyper-parameters of an LSTM return model.
 *
 * @param layers        stacked LSTM layers (≥ 1)
 * @param units         hidden units per layer
 * @param dropout       dropout probability on the LSTM output (0 = none)
 * @param l2            L2 weight penalty
 * @param learningRate  Adam learning rate
 * @param batchSize     mini-batch size
 * @param maxEpochs     maximum passes over the training samples
 * @param patience      early stopping: epochs without validation improvement before stopping (0 = off)
 * @param seed          seed of weight initialisation, dropout and shuffling
 */
public record LstmSettings(int layers, int units, double dropout, double l2, double learningRate, int batchSize,
                           int maxEpochs, int patience, long seed) {

    public static LstmSettings defaults() {
        return new LstmSettings(1, 32, 0.0, 1e-5, 1e-3, 256, 20, 3, 42L);
    }

    public LstmSettings {
        if (layers < 1 || layers > 4) {
            throw new IllegalArgumentException("layers must be between 1 and 4");
        }
        if (units < 1 || units > 1024) {
            throw new IllegalArgumentException("units must be between 1 and 1024");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1)");
        }
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must be non-negative");
        }
        if (!(learningRate > 0) || learningRate > 1) {
            throw new IllegalArgumentException("learning rate must be in (0, 1]");
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batch size must be between 1 and 65536");
        }
        if (maxEpochs < 1 || maxEpochs > 10_000) {
            throw new IllegalArgumentException("epochs must be between 1 and 10000");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative");
        }
    }

    public LstmSettings withSeed(long newSeed) {
        return new LstmSettings(layers, units, dropout, l2, learningRate, batchSize, maxEpochs, patience, newSeed);
    }

    public LstmSettings withUnits(int newUnits) {
        return new LstmSettings(layers, newUnits, dropout, l2, learningRate, batchSize, maxEpochs, patience, seed);
    }

    public LstmSettings withMaxEpochs(int epochs) {
        return new LstmSettings(layers, units, dropout, l2, learningRate, batchSize, epochs, patience, seed);
    }
}
