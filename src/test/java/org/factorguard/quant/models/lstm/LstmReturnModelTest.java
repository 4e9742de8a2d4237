package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.Forecast;
import org.factorguard.quant.models.SyntheticFactorData;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;

class LstmReturnModelTest {

    private final SyntheticFactorData data = SyntheticFactorData.generate(2, 120, 12,
            (x, t, i) -> t >= 1 ? 0.01 * x[0][t - 1][i] * x[1][t][i] : 0, 0.005, 21L);
    private final FactorPanel panel = data.panel();
    private final double[][] labels = data.labels(1);
    private final WalkForwardSplit split = new WalkForwardSplit(4, 80, 81, 100, 101, 120, 1, 1, 0);

    private static LstmModelSettings tiny(int members) {
        return new LstmModelSettings(LstmImplementation.DL4J, 4, members, 600, 0, FeatureScaling.defaults(),
                new LstmSettings(1, 6, 0.1, 1e-5, 0.01, 64, 2, 1, 5L));
    }

    private FittedLstmEnsemble train(LstmModelSettings settings) {
        return new LstmReturnModel(settings).fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
    }

    @Test
    void same_seed_gives_identical_predictions_and_another_seed_does_not() {
        float[][] first = train(tiny(1)).predict(panel, split.testStart(), split.testEnd());
        float[][] second = train(tiny(1)).predict(panel, split.testStart(), split.testEnd());
        LstmModelSettings otherSeed = tiny(1).withNetwork(tiny(1).network().withSeed(6L));
        float[][] third = train(otherSeed).predict(panel, split.testStart(), split.testEnd());

        assertThat(second).isDeepEqualTo(first);
        assertThat(third).isNotEqualTo(first);
        assertThat(first[0][0]).isFinite();
    }

    @Test
    void saved_and_loaded_ensemble_predicts_identically() throws IOException {
        FittedLstmEnsemble ensemble = train(tiny(2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ensemble.save(bytes);
        FittedLstmEnsemble loaded = FittedLstmEnsemble.load(new ByteArrayInputStream(bytes.toByteArray()),
                SequenceRegressorFactory.standard());

        assertThat(loaded.predict(panel, 60, 120)).isDeepEqualTo(ensemble.predict(panel, 60, 120));
        assertThat(loaded.lookback()).isEqualTo(4);
        assertThat(loaded.members()).hasSize(2);
        assertThat(loaded.fit().trainingSamples()).isEqualTo(600);
    }

    @Test
    void ensemble_reports_the_spread_between_seeds() {
        FittedLstmEnsemble ensemble = train(tiny(2));
        Forecast forecast = ensemble.forecast(panel, split.testStart(), split.testEnd());

        assertThat(ensemble.fit().members()).isEqualTo(2);
        assertThat(ensemble.fit().trainingCurves()).hasSize(2);
        assertThat(java.util.Arrays.stream(ensemble.fit().memberValidationMse()).min().orElseThrow()).isPositive();
        assertThat(ensemble.fit().validationMseSpread()).isPositive();
        assertThat(forecast.averageMemberSpread()).isPositive();
        assertThat(ensemble.fit().trainingSamples()).isEqualTo(600); // capped by the sampling setting
    }

    @Test
    void progress_is_reported_per_batch_and_epoch() {
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger epochs = new AtomicInteger();
        new LstmReturnModel(tiny(1)).fit(panel, labels, split, new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                batches.incrementAndGet();
                assertThat(progress.trainLoss()).isFinite();
            }

            @Override
            public void onEpochEnd(EpochProgress progress,
                    org.factorguard.quant.models.sequence.SequencePredictor checkpoint) {
                epochs.incrementAndGet();
                assertThat(progress.validationLoss()).isFinite();
            }
        }, CancellationToken.NEVER);

        assertThat(epochs.get()).isBetween(1, 2);
        assertThat(batches.get()).isEqualTo(epochs.get() * 10); // 600 samples / 64 per batch
    }

    @Test
    void cancel_from_another_thread_stops_training_within_a_second() throws Exception {
        LstmModelSettings long_ = new LstmModelSettings(LstmImplementation.DL4J, 4, 1, 0, 0, FeatureScaling.defaults(),
                new LstmSettings(1, 8, 0, 0, 0.001, 32, 1000, 0, 5L));
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch training = new CountDownLatch(5);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                new LstmReturnModel(long_).fit(panel, labels, split, new TrainingListener() {
                    @Override
                    public void onBatch(EpochProgress progress) {
                        training.countDown();
                    }
                }, cancelled::get);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        assertThat(training.await(60, TimeUnit.SECONDS)).as("training started").isTrue();
        long requested = System.nanoTime();
        cancelled.set(true);
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - requested) / 1_000_000;
        System.out.println("stopped " + stopMillis + " ms after the cancel request");

        assertThat(thrown).isInstanceOf(TrainingCancelledException.class);
        assertThat(stopMillis).isLessThan(1000);
    }

    @Test
    void a_nan_loss_stops_training_with_a_clear_message() {
        SequenceSource poisoned = new SequenceSource() {
            public int size() { return 8; }
            public int steps() { return 2; }
            public int features() { return 1; }
            public SequenceBatch batch(int[] idx) {
                float[] y = new float[idx.length];
                java.util.Arrays.fill(y, Float.NaN);
                return new SequenceBatch(idx.length, 2, 1, new float[idx.length * 2], y);
            }
        };

        assertThatThrownBy(() -> new Dl4jLstmRegressor().fit(poisoned, null,
                new LstmSettings(1, 2, 0, 0, 0.01, 4, 1, 0, 1L),
                TrainingListener.NONE, CancellationToken.NEVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("diverged")
                .hasMessageContaining("learning rate");
    }

    @Test
    void an_unavailable_implementation_is_refused_clearly() {
        assertThatThrownBy(() -> new LstmReturnModel(tiny(1).withImplementation(LstmImplementation.FAST),
                SequenceRegressorFactory.empty().with(LstmImplementation.DL4J, Dl4jLstmRegressor::new)))
                .hasMessageContaining("FAST LSTM implementation is not available");
    }

    @Test
    void the_search_keeps_the_look_back_that_reaches_a_lagged_signal_and_records_every_configuration() {
        // The next-day return follows the factor six days earlier: a look-back of 2 cannot see it, one of 8 can.
        SyntheticFactorData lagged = SyntheticFactorData.generate(1, 320, 40,
                (x, t, i) -> t >= 6 ? 0.02 * x[0][t - 6][i] : 0, 0.005, 7L);
        WalkForwardSplit withValidation = new WalkForwardSplit(8, 200, 201, 250, 251, 320, 1, 1, 0);
        LstmModelSettings settings = new LstmModelSettings(LstmImplementation.FAST, 2, 2, 0, 0,
                FeatureScaling.defaults(), new LstmSettings(1, 8, 0, 1e-5, 0.01, 64, 6, 2, 5L));
        LstmSearchSettings grid = new LstmSearchSettings(java.util.List.of(2, 8), java.util.List.of(4, 8), 4, 0);
        java.util.List<String> events = new java.util.ArrayList<>();
        LstmTrainingListener listener = new LstmTrainingListener() {
            @Override
            public void onSearchRun(int run, int runs, int lookback, int units) {
                events.add("search " + lookback + "/" + units);
            }

            @Override
            public void onEnsembleStart(FactorPanel inputs, org.factorguard.quant.models.FeatureScaler scaler,
                                        int lookback) {
                events.add("ensemble " + lookback + " on " + inputs.factorCount() + " factor");
            }
        };

        FittedLstmEnsemble fitted = new LstmReturnModel(settings, grid, SequenceRegressorFactory.standard())
                .fit(lagged.panel(), lagged.labels(1), withValidation, listener, CancellationToken.NEVER);

        LstmSearchResult search = fitted.fit().search();
        assertThat(events).containsExactly("search 2/4", "search 2/8", "search 8/4", "search 8/8",
                "ensemble 8 on 1 factor");
        assertThat(search.candidates()).hasSize(4);
        assertThat(fitted.fit().configurationsEvaluated()).isEqualTo(4);
        assertThat(fitted.lookback()).isEqualTo(8).isEqualTo(search.lookback());
        double blind = Math.max(search.candidates().get(0).validationRankIc(),
                search.candidates().get(1).validationRankIc());
        double seeing = Math.min(search.candidates().get(2).validationRankIc(),
                search.candidates().get(3).validationRankIc());
        assertThat(seeing).as("validation Rank IC with the signal in view").isGreaterThan(blind + 0.2);
        assertThat(fitted.members()).hasSize(2);
        assertThat(fitted.fit().trainingCurves()).hasSize(2);
    }

    @Test
    void without_a_validation_slice_nothing_is_searched_and_the_configured_look_back_trains() {
        LstmSearchSettings grid = new LstmSearchSettings(java.util.List.of(2, 8), java.util.List.of(), 2, 0);
        WalkForwardSplit noValidation = WalkForwardSplit.withoutValidation(8, 80, 81, 120, 1, 1, 0);

        FittedLstmEnsemble fitted = new LstmReturnModel(tiny(1), grid, SequenceRegressorFactory.standard())
                .fit(panel, labels, noValidation, TrainingListener.NONE, CancellationToken.NEVER);

        assertThat(fitted.lookback()).isEqualTo(4);
        assertThat(fitted.fit().configurationsEvaluated()).isEqualTo(1);
        assertThat(fitted.fit().search().criterion()).contains("no validation slice");
        assertThat(fitted.fit().search().candidates().getFirst().validationRankIc()).isNaN();
    }

    @Test
    void a_validation_slice_without_labels_is_not_searched_and_the_configured_look_back_trains() {
        LstmSearchSettings grid = new LstmSearchSettings(java.util.List.of(2, 8), java.util.List.of(), 2, 0);
        double[][] unlabelledValidation = new double[labels.length][];
        for (int t = 0; t < labels.length; t++) {
            unlabelledValidation[t] = labels[t].clone();
            if (t >= split.validationStart() && t < split.validationEnd()) {
                java.util.Arrays.fill(unlabelledValidation[t], Double.NaN);
            }
        }

        FittedLstmEnsemble fitted = new LstmReturnModel(tiny(1), grid, SequenceRegressorFactory.standard())
                .fit(panel, unlabelledValidation, split, TrainingListener.NONE, CancellationToken.NEVER);

        assertThat(fitted.lookback()).isEqualTo(4);
        assertThat(fitted.fit().configurationsEvaluated()).isEqualTo(1);
        assertThat(fitted.fit().search().criterion()).contains("validation slice has no stock-day");
        assertThat(fitted.fit().validationSamples()).isZero();
    }
}
