package org.factorguard.quant.models.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * The loop itself, driven by a scripted step: a single parameter {@code value} that every sample is
 * predicted as. Validation targets are 0, so the validation MSE after epoch {@code e} is {@code value²}.
 */
class SequenceTrainerTest {

    private static final int SAMPLES = 10;

    /** Sample {@code i} has every input equal to {@code i}, so a batch reveals which samples it holds. */
    private static final SequenceSource TRAIN = source(SAMPLES, 0f);
    private static final SequenceSource VALIDATION = source(4, 0f);

    private static LstmSettings settings(int batchSize, int maxEpochs, int patience) {
        return new LstmSettings(1, 2, 0.0, 0.0, 0.01, batchSize, maxEpochs, patience, 1L);
    }

    @Test
    void early_stopping_stops_after_patience_epochs_and_restores_the_best_epoch() {
        ScriptedStep step = new ScriptedStep(4, 3f, 2f, 1f, 1.5f, 2.5f, 0.5f);
        TrainingHistory history = new SequenceTrainer(TRAIN, VALIDATION, settings(3, 6, 2), null, null)
                .run(step, new SplittableRandom(1));

        assertThat(history.epochs()).extracting(EpochProgress::validationLoss).containsExactly(9.0, 4.0, 1.0, 2.25,
                6.25);
        assertThat(history.bestEpoch()).isEqualTo(3);
        assertThat(history.stoppedEarly()).isTrue();
        assertThat(step.value).isEqualTo(1f);
    }

    @Test
    void without_patience_every_epoch_runs_and_the_best_one_is_still_restored() {
        ScriptedStep step = new ScriptedStep(4, 3f, 1f, 2f, 4f);
        TrainingHistory history = new SequenceTrainer(TRAIN, VALIDATION, settings(3, 4, 0), null, null)
                .run(step, new SplittableRandom(1));

        assertThat(history.epochs()).hasSize(4);
        assertThat(history.bestEpoch()).isEqualTo(2);
        assertThat(history.stoppedEarly()).isFalse();
        assertThat(step.value).isEqualTo(1f);
    }

    @Test
    void without_validation_every_epoch_runs_and_the_last_is_kept() {
        ScriptedStep step = new ScriptedStep(4, 3f, 1f, 2f);
        TrainingHistory history = new SequenceTrainer(TRAIN, null, settings(3, 3, 1), null, null)
                .run(step, new SplittableRandom(1));

        assertThat(history.epochs()).hasSize(3).allSatisfy(e -> assertThat(e.validationLoss()).isNaN());
        assertThat(history.bestEpoch()).isEqualTo(3);
        assertThat(step.value).isEqualTo(2f);
        assertThat(step.snapshots).isZero();
    }

    @Test
    void a_nan_validation_loss_fails_before_the_epoch_is_reported() {
        ScriptedStep step = new ScriptedStep(4, 1f, Float.NaN, 0.5f);
        List<Integer> reported = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochProgress progress, SequencePredictor checkpoint) {
                reported.add(progress.epoch());
            }
        };
        SequenceTrainer trainer = new SequenceTrainer(TRAIN, VALIDATION, settings(3, 3, 0), listener, null);

        assertThatThrownBy(() -> trainer.run(step, new SplittableRandom(1)))
                .isInstanceOf(TrainingDivergedException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("validation loss became NaN after epoch 2")
                .hasMessageContaining("learning rate");
        assertThat(reported).containsExactly(1);
    }

    @Test
    void an_infinite_training_loss_fails_at_its_mini_batch() {
        ScriptedStep step = new ScriptedStep(4, 1f, 1f);
        step.infiniteLossAtCall = 6;
        SequenceTrainer trainer = new SequenceTrainer(TRAIN, null, settings(3, 2, 0), null, null);

        assertThatThrownBy(() -> trainer.run(step, new SplittableRandom(1)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("training loss became Infinity in epoch 2, mini-batch 2");
    }

    @Test
    void cancellation_is_honoured_before_the_next_mini_batch() {
        ScriptedStep step = new ScriptedStep(4, 1f, 1f, 1f);
        AtomicBoolean cancel = new AtomicBoolean();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                if (progress.epoch() == 2 && progress.batch() == 3) {
                    cancel.set(true);
                }
            }
        };
        SequenceTrainer trainer = new SequenceTrainer(TRAIN, VALIDATION, settings(3, 3, 0), listener, cancel::get);

        assertThatThrownBy(() -> trainer.run(step, new SplittableRandom(1)))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(step.batches).hasSize(4 + 3);
    }

    @Test
    void every_epoch_visits_each_sample_once_in_batches_of_the_set_size() {
        ScriptedStep step = new ScriptedStep(4, 1f, 1f, 1f);
        new SequenceTrainer(TRAIN, null, settings(3, 3, 0), null, null).run(step, new SplittableRandom(1));

        assertThat(step.batches).extracting(b -> b.length).containsExactly(3, 3, 3, 1, 3, 3, 3, 1, 3, 3, 3, 1);
        List<int[]> epochs = step.epochOrders();
        for (int[] order : epochs) {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(epochs.get(1)).isNotEqualTo(epochs.get(0));
    }

    @Test
    void the_same_random_stream_repeats_the_sample_order_and_another_does_not() {
        ScriptedStep first = new ScriptedStep(4, 1f, 1f, 1f);
        ScriptedStep second = new ScriptedStep(4, 1f, 1f, 1f);
        ScriptedStep other = new ScriptedStep(4, 1f, 1f, 1f);
        new SequenceTrainer(TRAIN, null, settings(3, 3, 0), null, null).run(first, new SplittableRandom(7));
        new SequenceTrainer(TRAIN, null, settings(3, 3, 0), null, null).run(second, new SplittableRandom(7));
        new SequenceTrainer(TRAIN, null, settings(3, 3, 0), null, null).run(other, new SplittableRandom(8));

        assertThat(second.batches).containsExactlyElementsOf(first.batches);
        assertThat(flatten(other.batches)).isNotEqualTo(flatten(first.batches));
    }

    @Test
    void reported_training_loss_is_the_mean_per_sample_so_far() {
        ScriptedStep step = new ScriptedStep(4, 1f);
        List<Double> losses = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                losses.add(progress.trainLoss());
            }
        };
        new SequenceTrainer(TRAIN, null, settings(3, 1, 0), listener, null).run(step, new SplittableRandom(1));

        // the scripted step's loss is 1 per sample in batch 1, 2 per sample in batch 2, ...
        assertThat(losses).containsExactly(1.0, 1.5, 2.0, (3 + 6 + 9 + 4.0) / 10);
    }

    @Test
    void an_empty_or_differently_shaped_validation_source_is_rejected() {
        assertThatThrownBy(() -> new SequenceTrainer(TRAIN, source(0, 0f), settings(3, 1, 0), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        SequenceSource longer = new SequenceSource() {
            public int size() {
                return 2;
            }

            public int steps() {
                return 3;
            }

            public int features() {
                return 1;
            }

            public SequenceBatch batch(int[] idx) {
                return new SequenceBatch(idx.length, 3, 1, new float[idx.length * 3], new float[idx.length]);
            }
        };
        assertThatThrownBy(() -> new SequenceTrainer(TRAIN, longer, settings(3, 1, 0), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> new SequenceTrainer(source(0, 0f), null, settings(3, 1, 0), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no training samples");
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    /** {@code n} samples of 2 steps × 1 feature; sample {@code i}'s inputs are {@code i}, its target {@code y}. */
    private static SequenceSource source(int n, float y) {
        return new SequenceSource() {
            public int size() {
                return n;
            }

            public int steps() {
                return 2;
            }

            public int features() {
                return 1;
            }

            public SequenceBatch batch(int[] idx) {
                float[] x = new float[idx.length * 2];
                float[] targets = new float[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    x[2 * i] = idx[i];
                    x[2 * i + 1] = idx[i];
                    targets[i] = y;
                }
                return new SequenceBatch(idx.length, 2, 1, x, targets);
            }
        };
    }

    /**
     * Sets its one parameter to {@code script[e−1]} during epoch {@code e}, reports a loss of {@code k} per
     * sample for the {@code k}-th mini-batch of an epoch and records the samples of each mini-batch.
     */
    private static final class ScriptedStep implements TrainingStep {

        private final int batchesPerEpoch;
        private final float[] script;
        final List<int[]> batches = new ArrayList<>();
        float value = Float.NaN;
        int snapshots;
        int infiniteLossAtCall = -1;
        private float saved = Float.NaN;

        ScriptedStep(int batchesPerEpoch, float... script) {
            this.batchesPerEpoch = batchesPerEpoch;
            this.script = script;
        }

        @Override
        public double train(SequenceBatch batch) {
            int[] samples = new int[batch.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (int) batch.x(i, 0, 0);
            }
            batches.add(samples);
            int call = batches.size();
            value = script[(call - 1) / batchesPerEpoch];
            if (call == infiniteLossAtCall) {
                return Double.POSITIVE_INFINITY;
            }
            return (double) ((call - 1) % batchesPerEpoch + 1) * batch.size();
        }

        @Override
        public float[] predict(SequenceBatch batch) {
            float[] out = new float[batch.size()];
            Arrays.fill(out, value);
            return out;
        }

        @Override
        public void snapshot() {
            saved = value;
            snapshots++;
        }

        @Override
        public void restoreSnapshot() {
            value = saved;
        }

        List<int[]> epochOrders() {
            List<int[]> orders = new ArrayList<>();
            for (int from = 0; from < batches.size(); from += batchesPerEpoch) {
                orders.add(flatten(batches.subList(from, from + batchesPerEpoch)));
            }
            return orders;
        }
    }
}
