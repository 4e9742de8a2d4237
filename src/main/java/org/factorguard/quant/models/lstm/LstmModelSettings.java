package org.factorguard.quant.models.lstm;

import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.sequence.LstmSettings;

/**
 * Settings of {@link LstmReturnModel}.
 *
 * @param implementation        which LSTM trains (FAST or DL4J)
 * @param lookback              sequence length {@code L}: factor values of days {@code t−L+1..t}
 * @param ensembleSize          networks trained with seeds {@code seed, seed+1, …} whose predictions are averaged
 * @param maxTrainingSamples    cap on training stock-days, drawn at random with the seed (0 = all)
 * @param maxValidationSamples  cap on validation stock-days (0 = all)
 * @param scaling               feature preparation estimated on the training slice
 * @param network               network and optimiser hyper-parameters
 */
public record LstmModelSettings(LstmImplementation implementation, int lookback, int ensembleSize,
                                int maxTrainingSamples, int maxValidationSamples, FeatureScaling scaling,
                                LstmSettings network) {

    public LstmModelSettings {
        if (implementation == null || scaling == null || network == null) {
            throw new IllegalArgumentException("implementation, scaling and network settings are required");
        }
        if (lookback < 1 || lookback > 500) {
            throw new IllegalArgumentException("look-back must be between 1 and 500 days, was " + lookback);
        }
        if (ensembleSize < 1 || ensembleSize > 50) {
            throw new IllegalArgumentException("ensemble size must be between 1 and 50, was " + ensembleSize);
        }
        if (maxTrainingSamples < 0 || maxValidationSamples < 0) {
            throw new IllegalArgumentException("sample caps must be non-negative (0 = all)");
        }
    }

    /** Fast LSTM, L = 20, one network, at most 200 000 training and 50 000 validation samples. */
    public static LstmModelSettings defaults() {
        return new LstmModelSettings(LstmImplementation.FAST, 20, 1, 200_000, 50_000, FeatureScaling.defaults(),
                LstmSettings.defaults());
    }

    public LstmModelSettings withImplementation(LstmImplementation value) {
        return new LstmModelSettings(value, lookback, ensembleSize, maxTrainingSamples, maxValidationSamples, scaling,
                network);
    }

    public LstmModelSettings withLookback(int value) {
        return new LstmModelSettings(implementation, value, ensembleSize, maxTrainingSamples, maxValidationSamples,
                scaling, network);
    }

    public LstmModelSettings withEnsembleSize(int value) {
        return new LstmModelSettings(implementation, lookback, value, maxTrainingSamples, maxValidationSamples, scaling,
                network);
    }

    public LstmModelSettings withMaxSamples(int training, int validation) {
        return new LstmModelSettings(implementation, lookback, ensembleSize, training, validation, scaling, network);
    }

    public LstmModelSettings withNetwork(LstmSettings value) {
        return new LstmModelSettings(implementation, lookback, ensembleSize, maxTrainingSamples, maxValidationSamples,
                scaling, value);
    }

    /** Seed of ensemble member {@code k}. */
    public long memberSeed(int k) {
        return network.seed() + k;
    }
}
