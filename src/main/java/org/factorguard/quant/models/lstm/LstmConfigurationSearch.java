package org.factorguard.quant.models.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.OutOfSampleEvaluation;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Chooses a fold's LSTM look-back L and hidden units H from {@link LstmSearchSettings} on the fold's validation
 * slice, before the seed ensemble trains. For every (L, H) of the grid one network (the model's first seed, so
 * that every configuration sees the same initial draw, sample subset and batch order) trains on the training
 * slice for at most the search's epochs, early-stopped on the validation MSE and restored to its best epoch; it
 * then predicts every stock-day of the validation slice, and the configuration scores the mean daily Rank IC
 * (Spearman) of those predictions against the realised labels:
 * <pre>
 *   score(L, H) = (1/|V|) Σ_{t ∈ V} ρ_S(ŷ_{·,t}, y_{·,t}),   (L*, H*) = argmax score   (ties: first in the grid)
 * </pre>
 * Rank IC rather than validation MSE because the portfolio uses the predictions' cross-sectional order (the
 * allocator shortlists the highest expected returns); the MSE of h-day returns is dominated by the market's
 * common move, which is the same for every stock and says nothing about that order. Only training and
 * validation days are read; the validation labels end before the test slice (purged), so the choice is out of
 * sample for the test. Grid search on a held-out slice: Bergstra &amp; Bengio, JMLR 13 (2012), §1; selection
 * inside each walk-forward window: López de Prado, <i>Advances in Financial Machine Learning</i> (2018), §7.
 */
final class LstmConfigurationSearch {

    static final String CRITERION = "highest mean daily Rank IC on the validation slice (one network per "
            + "configuration, first seed, early stopping on the validation MSE)";

    private final LstmModelSettings model;
    private final LstmSearchSettings search;
    private final SequenceRegressorFactory factory;

    LstmConfigurationSearch(LstmModelSettings model, LstmSearchSettings search, SequenceRegressorFactory factory) {
        this.model = model;
        this.search = search;
        this.factory = factory;
    }

    /** Runs the grid on a fold whose split has a validation slice. */
    LstmSearchResult run(FactorPanel panel, double[][] labels, FeatureScaler scaler, WalkForwardSplit split,
                         TrainingListener listener, CancellationToken cancel) {
        if (!split.hasValidation()) {
            throw new IllegalArgumentException("a configuration search needs a validation slice: " + split);
        }
        List<int[]> grid = search.configurations(model);
        LstmTrainingListener observer = listener instanceof LstmTrainingListener l ? l : null;
        long seed = model.memberSeed(0);
        int cap = search.maxTrainingSamples() > 0 ? search.maxTrainingSamples() : model.maxTrainingSamples();
        // Which stock-days are complete does not depend on the look-back, so one count serves the whole grid.
        if (PanelSequenceSource.labelled(panel, labels, scaler, model.lookback(), split.validationStart(),
                split.validationEnd(), 1, seed).size() == 0) {
            return LstmSearchResult.unsearched(model.lookback(), model.network().units(),
                    "the validation slice has no stock-day with a label and factor values: the configured "
                            + "look-back and units");
        }
        List<LstmSearchResult.Candidate> candidates = new ArrayList<>();
        int best = -1;
        for (int c = 0; c < grid.size(); c++) {
            cancel.throwIfCancelled();
            int lookback = grid.get(c)[0];
            int units = grid.get(c)[1];
            if (observer != null) {
                observer.onSearchRun(c, grid.size(), lookback, units);
            }
            PanelSequenceSource train = PanelSequenceSource.labelled(panel, labels, scaler, lookback,
                    split.trainStart(), split.trainEnd(), cap, seed);
            PanelSequenceSource validation = PanelSequenceSource.labelled(panel, labels, scaler, lookback,
                    split.validationStart(), split.validationEnd(), model.maxValidationSamples(),
                    LstmReturnModel.validationSeed(seed));
            if (train.size() == 0) {
                throw new IllegalArgumentException("the fold " + split + " has no complete stock-day to train on");
            }
            SequenceRegressor network = factory.create(model.implementation());
            TrainingHistory history = network.fit(train, validation, model.network().withUnits(units)
                    .withMaxEpochs(search.epochsFor(model)).withSeed(seed), listener, cancel);
            double rankIc = validationRankIc(network, panel, labels, scaler, lookback, split);
            candidates.add(new LstmSearchResult.Candidate(lookback, units, rankIc,
                    LstmReturnModel.keptValidationLoss(history), history.bestEpoch(), history.epochs().size()));
            if (Double.isFinite(rankIc) && (best < 0 || rankIc > candidates.get(best).validationRankIc())) {
                best = c;
            }
        }
        if (best < 0) {
            return new LstmSearchResult(candidates, model.lookback(), model.network().units(),
                    "no configuration had a finite validation Rank IC; the model's own look-back and units were used");
        }
        return new LstmSearchResult(candidates, candidates.get(best).lookback(), candidates.get(best).units(),
                String.format(Locale.ROOT, "%s: %d configurations", CRITERION, grid.size()));
    }

    /** Mean daily Rank IC of one network's predictions over the validation days. */
    private double validationRankIc(SequenceRegressor network, FactorPanel panel, double[][] labels,
                                           FeatureScaler scaler, int lookback, WalkForwardSplit split) {
        FittedLstmEnsemble single = new FittedLstmEnsemble(model.implementation(), lookback, scaler,
                List.of(network), new LstmEnsembleFit(0, 0, List.of(), new double[] {Double.NaN}));
        float[][] predicted = single.forecast(panel, split.validationStart(), split.validationEnd()).mean();
        float[][] byDay = new float[split.validationEnd()][];
        System.arraycopy(predicted, 0, byDay, split.validationStart(), predicted.length);
        return OutOfSampleEvaluation.evaluate(byDay, labels, split.validationStart(), split.validationEnd()).rankIc();
    }
}
