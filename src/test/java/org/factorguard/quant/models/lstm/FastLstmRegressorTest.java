package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.junit.jupiter.api.Test;

class FastLstmRegressorTest {

    private static final InMemorySequences TRAIN = ArLstmWorkload.generate(600, 8, 4, 42);
    private static final InMemorySequences VALIDATION = ArLstmWorkload.generate(200, 8, 4, 43);

    private static LstmSettings small(int layers, double dropout, int epochs, int patience) {
        return new LstmSettings(layers, 8, dropout, 1e-4, 5e-3, 64, epochs, patience, 7L);
    }

    @Test
    void analytic_gradient_matches_central_differences_of_a_double_precision_lstm() {
        int features = 3;
        int units = 4;
        int layers = 2;
        int steps = 5;
        int n = 6;
        LstmParameters p = new LstmParameters(features, units, layers);
        SplittableRandom random = new SplittableRandom(3);
        for (float[] a : p.arrays()) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        SequenceBatch batch = ArLstmWorkload.generate(n, steps, features, 11).all();
        LstmShardTrainer trainer = new LstmShardTrainer(features, units, layers, steps, n, 0.0);
        double sse = trainer.lossAndGradient(p, batch, 0, n, n, 0L);

        DoublePrecisionLstm reference = new DoublePrecisionLstm(p, batch);
        assertThat(sse / n).isCloseTo(reference.loss(), org.assertj.core.data.Offset.offset(1e-5));
        float[][] params = p.arrays();
        float[][] analytic = trainer.gradient.arrays();
        double eps = 1e-6;
        int checked = 0;
        for (int a = 0; a < params.length; a++) {
            for (int i = 0; i < params[a].length; i++) {
                double original = reference.get(a, i);
                reference.set(a, i, original + eps);
                double up = reference.loss();
                reference.set(a, i, original - eps);
                double down = reference.loss();
                reference.set(a, i, original);
                double numeric = (up - down) / (2 * eps);
                assertThat((double) analytic[a][i])
                        .as("dL/dparam[%d][%d]", a, i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-5 + 1e-3 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(p.count());
    }

    @Test
    void saved_and_loaded_model_predicts_identically() throws IOException {
        FastLstmRegressor trained = new FastLstmRegressor();
        trained.fit(TRAIN, null, small(2, 0.1, 2, 0), TrainingListener.NONE, CancellationToken.NEVER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);

        FastLstmRegressor loaded = new FastLstmRegressor();
        loaded.load(new ByteArrayInputStream(bytes.toByteArray()));

        SequenceBatch all = VALIDATION.all();
        assertThat(loaded.predict(all)).containsExactly(trained.predict(all));
        assertThat(loaded.settings()).isEqualTo(trained.settings());
    }

    @Test
    void loading_something_else_is_rejected() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> new FastLstmRegressor().load(new ByteArrayInputStream(junk)))
                .isInstanceOf(IOException.class).hasMessageContaining("magic");
    }

    @Test
    void same_seed_gives_identical_weights_and_another_seed_does_not() {
        LstmSettings settings = small(2, 0.2, 2, 0);
        FastLstmRegressor first = new FastLstmRegressor();
        FastLstmRegressor second = new FastLstmRegressor();
        FastLstmRegressor other = new FastLstmRegressor();
        first.fit(TRAIN, null, settings, TrainingListener.NONE, CancellationToken.NEVER);
        second.fit(TRAIN, null, settings, TrainingListener.NONE, CancellationToken.NEVER);
        other.fit(TRAIN, null, settings.withSeed(8L), TrainingListener.NONE, CancellationToken.NEVER);

        SequenceBatch all = VALIDATION.all();
        assertThat(second.predict(all)).containsExactly(first.predict(all));
        assertThat(other.predict(all)).isNotEqualTo(first.predict(all));
    }

    @Test
    void results_do_not_depend_on_the_thread_count() {
        LstmSettings settings = small(1, 0.0, 2, 0);
        FastLstmRegressor oneThread = new FastLstmRegressor(1);
        FastLstmRegressor twoThreads = new FastLstmRegressor(2);
        oneThread.fit(TRAIN, null, settings, TrainingListener.NONE, CancellationToken.NEVER);
        twoThreads.fit(TRAIN, null, settings, TrainingListener.NONE, CancellationToken.NEVER);

        SequenceBatch all = VALIDATION.all();
        assertThat(twoThreads.predict(all)).containsExactly(oneThread.predict(all));
    }

    @Test
    void training_learns_the_target_and_reports_every_mini_batch() {
        AtomicInteger batches = new AtomicInteger();
        List<Double> checkpointMse = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                batches.incrementAndGet();
            }

            @Override
            public void onEpochEnd(EpochProgress progress, SequencePredictor checkpoint) {
                SequenceBatch all = VALIDATION.all();
                checkpointMse.add(mse(checkpoint.predict(all), all.y()));
            }
        };
        FastLstmRegressor model = new FastLstmRegressor();
        TrainingHistory history = model.fit(TRAIN, null, small(2, 0.1, 6, 0), listener, CancellationToken.NEVER);

        int perEpoch = (TRAIN.size() + 63) / 64;
        assertThat(batches.get()).isEqualTo(6 * perEpoch);
        assertThat(history.epochs()).hasSize(6);
        assertThat(history.bestEpoch()).isEqualTo(6);
        assertThat(history.epochs().getLast().trainLoss()).isLessThan(history.epochs().getFirst().trainLoss());
        double variance = variance(VALIDATION.y());
        assertThat(checkpointMse.getLast()).isLessThan(0.8 * variance);
    }

    @Test
    void early_stopping_keeps_the_weights_of_the_best_validation_epoch() {
        LstmSettings settings = new LstmSettings(1, 8, 0.0, 0.0, 0.05, 32, 40, 2, 5L);
        FastLstmRegressor model = new FastLstmRegressor();
        TrainingHistory history = model.fit(TRAIN, VALIDATION, settings, TrainingListener.NONE,
                CancellationToken.NEVER);

        double best = history.epochs().stream().mapToDouble(EpochProgress::validationLoss).min().orElseThrow();
        assertThat(history.epochs().get(history.bestEpoch() - 1).validationLoss()).isEqualTo(best);
        assertThat(model.meanSquaredError(VALIDATION)).isEqualTo(best);
        if (history.stoppedEarly()) {
            assertThat(history.epochs()).hasSize(history.bestEpoch() + 2);
        }
    }

    @Test
    void cancellation_stops_at_the_next_mini_batch() {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                batches.incrementAndGet();
                cancel.set(true);
            }
        };
        FastLstmRegressor model = new FastLstmRegressor();
        assertThatThrownBy(() -> model.fit(TRAIN, null, small(1, 0.0, 50, 0), listener, cancel::get))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(batches.get()).isEqualTo(1);
    }

    @Test
    void a_non_finite_loss_is_reported_as_illegal_state() {
        float[] y = TRAIN.y().clone();
        y[5] = Float.NaN;
        InMemorySequences broken = new InMemorySequences(TRAIN.size(), TRAIN.steps(), TRAIN.features(), TRAIN.x(), y);
        assertThatThrownBy(() -> new FastLstmRegressor().fit(broken, null, small(1, 0.0, 1, 0),
                TrainingListener.NONE, CancellationToken.NEVER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN");
    }

    @Test
    void predicting_before_training_is_rejected() {
        assertThatThrownBy(() -> new FastLstmRegressor().predict(VALIDATION.all()))
                .isInstanceOf(IllegalStateException.class);
    }

    static double mse(float[] yHat, float[] y) {
        double sse = 0;
        for (int i = 0; i < y.length; i++) {
            double e = yHat[i] - y[i];
            sse += e * e;
        }
        return sse / y.length;
    }

    static double variance(float[] y) {
        double mean = 0;
        for (float v : y) {
            mean += v;
        }
        mean /= y.length;
        double s = 0;
        for (float v : y) {
            s += (v - mean) * (v - mean);
        }
        return s / y.length;
    }

    /**
     * An independent, straightforward double-precision LSTM (same equations, sample by sample) whose
     * loss the numerical gradient differentiates.
     */
    private static final class DoublePrecisionLstm {
        private final LstmParameters shape;
        private final double[][] w;
        private final SequenceBatch batch;

        DoublePrecisionLstm(LstmParameters p, SequenceBatch batch) {
            this.shape = p;
            this.batch = batch;
            float[][] arrays = p.arrays();
            w = new double[arrays.length][];
            for (int a = 0; a < arrays.length; a++) {
                w[a] = new double[arrays[a].length];
                for (int i = 0; i < arrays[a].length; i++) {
                    w[a][i] = arrays[a][i];
                }
            }
        }

        double get(int a, int i) {
            return w[a][i];
        }

        void set(int a, int i, double v) {
            w[a][i] = v;
        }

        double loss() {
            int h = shape.units;
            double sse = 0;
            for (int n = 0; n < batch.size(); n++) {
                double[][] input = new double[batch.steps()][batch.features()];
                for (int t = 0; t < batch.steps(); t++) {
                    for (int f = 0; f < batch.features(); f++) {
                        input[t][f] = batch.x(n, t, f);
                    }
                }
                for (int l = 0; l < shape.layers; l++) {
                    int k = shape.inputs(l);
                    int in = shape.layerInputSize(l);
                    double[] hPrev = new double[h];
                    double[] c = new double[h];
                    double[][] output = new double[batch.steps()][h];
                    for (int t = 0; t < batch.steps(); t++) {
                        double[] hNew = new double[h];
                        for (int j = 0; j < h; j++) {
                            double[] gate = new double[4];
                            for (int q = 0; q < 4; q++) {
                                int row = q * h + j;
                                double s = w[l][row * k + k - 1];
                                for (int m = 0; m < h; m++) {
                                    s += w[l][row * k + m] * hPrev[m];
                                }
                                for (int m = 0; m < in; m++) {
                                    s += w[l][row * k + h + m] * input[t][m];
                                }
                                gate[q] = s;
                            }
                            double g = Math.tanh(gate[0]);
                            double f = 1 / (1 + Math.exp(-gate[1]));
                            double o = 1 / (1 + Math.exp(-gate[2]));
                            double i = 1 / (1 + Math.exp(-gate[3]));
                            c[j] = f * c[j] + i * g;
                            hNew[j] = o * Math.tanh(c[j]);
                        }
                        hPrev = hNew;
                        output[t] = hNew;
                    }
                    input = output;
                }
                double yHat = w[shape.layers + 1][0];
                for (int j = 0; j < h; j++) {
                    yHat += w[shape.layers][j] * input[batch.steps() - 1][j];
                }
                double e = yHat - batch.y()[n];
                sse += e * e;
            }
            return sse / batch.size();
        }
    }
}
