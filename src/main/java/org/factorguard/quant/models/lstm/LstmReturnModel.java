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
 * training days' complete stock-days (optionally a random subset, drawn with each member's own seed, so that
 * capped members see different stock-days as in bagging); early stopping watches the validation slice, which
 * lies strictly after training (purged); {@code ensembleSize} networks with seeds {@code seed, seed+1, …} are
 * trained one after another and averaged. The network comes from the
 * {@link SequenceRegressorFactory} for the configured {@link LstmImplementation}. With a
 * {@link LstmSearchSettings} grid and a validation slice, the fold first chooses its look-back and units
 * ({@link LstmConfigurationSearch}); the ensemble then trains with the chosen pair. The inputs are whatever
 * factors the panel holds, so the input width may differ from fold to fold.
 */
public final class LstmReturnModel implements ReturnModel {

    private final LstmModelSettings settings;
    private final LstmSearchSettings search;
    private final SequenceRegressorFactory factory;

    public LstmReturnModel(LstmModelSettings settings, SequenceRegressorFactory factory) {
        this(settings, LstmSearchSettings.none(), factory);
    }

    /** With a configuration search in every fold that has a validation slice. */
    public LstmReturnModel(LstmModelSettings settings, LstmSearchSettings search, SequenceRegressorFactory factory) {
        this.settings = settings;
        this.search = search;
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

    public LstmSearchSettings search() {
        return search;
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
        LstmSearchResult chosen;
        if (!search.searches(settings)) {
            chosen = LstmSearchResult.unsearched(settings.lookback(), settings.network().units(),
                    "no search: the configured look-back and units");
        } else if (!split.hasValidation()) {
            chosen = LstmSearchResult.unsearched(settings.lookback(), settings.network().units(),
                    "no validation slice to search on: the configured look-back and units");
        } else {
            chosen = new LstmConfigurationSearch(settings, search, factory).run(panel, labels, scaler, split, listener,
                    cancel);
        }
        LstmModelSettings model = settings.withLookback(chosen.lookback())
                .withNetwork(settings.network().withUnits(chosen.units()));
        long seed = model.network().seed();
        PanelSequenceSource validation = split.hasValidation()
                ? PanelSequenceSource.labelled(panel, labels, scaler, model.lookback(), split.validationStart(),
                split.validationEnd(), model.maxValidationSamples(), validationSeed(seed))
                : null;
        if (validation != null && validation.size() == 0) {
            validation = null;
        }
        if (listener instanceof LstmTrainingListener observer) {
            observer.onEnsembleStart(panel, scaler, model.lookback());
        }
        List<SequenceRegressor> members = new ArrayList<>();
        List<TrainingHistory> curves = new ArrayList<>();
        double[] validationMse = new double[model.ensembleSize()];
        long trainingSamples = 0;
        for (int k = 0; k < model.ensembleSize(); k++) {
            PanelSequenceSource train = PanelSequenceSource.labelled(panel, labels, scaler, model.lookback(),
                    split.trainStart(), split.trainEnd(), model.maxTrainingSamples(), model.memberSeed(k));
            if (train.size() == 0) {
                throw new IllegalArgumentException("the training slice " + split
                        + " has no stock-day with a label and factor values");
            }
            trainingSamples = train.size();
            SequenceRegressor regressor = factory.create(model.implementation());
            TrainingHistory history = regressor.fit(train, validation, model.network().withSeed(model.memberSeed(k)),
                    listener, cancel);
            members.add(regressor);
            curves.add(history);
            validationMse[k] = keptValidationLoss(history);
        }
        LstmEnsembleFit fit = new LstmEnsembleFit(trainingSamples, validation == null ? 0 : validation.size(), curves,
                validationMse, chosen);
        return new FittedLstmEnsemble(model.implementation(), model.lookback(), scaler, members, fit);
    }

    /** Seed of the validation sub-sample drawn for a model seeded with {@code seed}. */
    static long validationSeed(long seed) {
        return seed ^ 0x5DEECE66DL;
    }

    /** The validation loss at the epoch training kept (NaN without validation). */
    static double keptValidationLoss(TrainingHistory history) {
        return history.epochs().stream().filter(e -> e.epoch() == history.bestEpoch())
                .mapToDouble(e -> e.validationLoss()).findFirst().orElse(Double.NaN);
    }
}
