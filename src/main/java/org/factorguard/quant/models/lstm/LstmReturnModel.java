package org.factorguard.quant.models.lstm;

import java.util.ArrayList;
import java.util.List;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.ReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * The LSTM return model (Li, Gu et al., 2025, section II.B, eq. 2): for stock {@code i} and day {@code t} the
 * input is the sequence {@code (s(F_{·,i,t−L+1}), …, s(F_{·,i,t}))} of its scaled factor vectors, the target
 * the forward log return {@code labels[t][i]}, the loss the mean squared error.
 *
 * <p>Per fold: the {@link FeatureScaler} is estimated on the training slice; training samples are the
 * training days' complete stock-days (optionally a seeded random subset); early stopping watches the
 * validation slice, which lies strictly after training (purged); {@code ensembleSize} networks with seeds
 * {@code seed, seed+1, …} are trained one after another and averaged. The network comes from the
 * {@link SequenceRegressorFactory} for the configured {@link LstmImplementation}.
 */
public final class LstmReturnModel implements ReturnModel {

    private final LstmModelSettings settings;
    private final SequenceRegressorFactory factory;

    public LstmReturnModel(LstmModelSettings settings, SequenceRegressorFactory factory) {
        this.settings = settings;
        this.factory = factory;
        if (!factory.isAvailable(settings.implementation())) {
            throw new IllegalArgumentException("the " + settings.implementation()
                    + " LSTM implementation is not available in this build");
        }
    }

    public LstmReturnModel(LstmModelSettings settings) {
        this(settings, SequenceRegressorFactory.standard());
    }

    public LstmModelSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return settings.ensembleSize() > 1 ? "LSTM ×" + settings.ensembleSize() : "LSTM";
    }

    @Override
    public FittedLstmEnsemble fit(FactorPanel panel, double[][] labels, WalkForwardSplit split,
                                  TrainingListener listener, CancellationToken cancel) {
        if (labels.length != panel.dayCount()) {
            throw new IllegalArgumentException("labels have " + labels.length + " days, the panel " + panel.dayCount());
        }
        cancel.throwIfCancelled();
        FeatureScaler scaler = FeatureScaler.fit(panel, split.trainStart(), split.trainEnd(), settings.scaling());
        long seed = settings.network().seed();
        PanelSequenceSource train = PanelSequenceSource.labelled(panel, labels, scaler, settings.lookback(),
                split.trainStart(), split.trainEnd(), settings.maxTrainingSamples(), seed);
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training slice " + split + " has no stock-day with a label and factor values");
        }
        PanelSequenceSource validation = split.hasValidation()
                ? PanelSequenceSource.labelled(panel, labels, scaler, settings.lookback(), split.validationStart(),
                split.validationEnd(), settings.maxValidationSamples(), seed ^ 0x5DEECE66DL)
                : null;
        if (validation != null && validation.size() == 0) {
            validation = null;
        }
        List<SequenceRegressor> members = new ArrayList<>();
        List<TrainingHistory> curves = new ArrayList<>();
        double[] validationMse = new double[settings.ensembleSize()];
        for (int k = 0; k < settings.ensembleSize(); k++) {
            SequenceRegressor regressor = factory.create(settings.implementation());
            TrainingHistory history = regressor.fit(train, validation, settings.network().withSeed(settings.memberSeed(k)),
                    listener, cancel);
            members.add(regressor);
            curves.add(history);
            validationMse[k] = history.epochs().stream()
                    .filter(e -> e.epoch() == history.bestEpoch())
                    .mapToDouble(e -> e.validationLoss())
                    .findFirst().orElse(Double.NaN);
        }
        LstmEnsembleFit fit = new LstmEnsembleFit(train.size(), validation == null ? 0 : validation.size(), curves,
                validationMse);
        return new FittedLstmEnsemble(settings.implementation(), settings.lookback(), scaler, members, fit);
    }
}
