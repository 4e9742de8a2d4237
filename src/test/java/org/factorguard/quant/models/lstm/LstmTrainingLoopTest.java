package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.SequenceTrainer;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingDivergedException;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both LSTM implementations train through the same loop and behave alike at its edges. */
class LstmTrainingLoopTest {

    private static final InMemorySequences TRAIN = ArLstmWorkload.generate(300, 6, 3, 42);
    private static final InMemorySequences VALIDATION = ArLstmWorkload.generate(100, 6, 3, 43);
    /** A learning rate this high makes the validation loss bounce, so early stopping has work to do. */
    private static final LstmSettings NOISY = new LstmSettings(1, 8, 0.0, 0.0, 0.05, 32, 15, 2, 5L);

    private static SequenceRegressor regressor(LstmImplementation implementation) {
        return SequenceRegressorFactory.standard().create(implementation);
    }

    @ParameterizedTest
    @EnumSource(LstmImplementation.class)
    void early_stopping_restores_the_weights_of_the_best_validation_epoch(LstmImplementation implementation) {
        SequenceRegressor model = regressor(implementation);
        TrainingHistory history = model.fit(TRAIN, VALIDATION, NOISY, TrainingListener.NONE,
                CancellationToken.NEVER);

        double best = history.epochs().stream().mapToDouble(EpochProgress::validationLoss).min().orElseThrow();
        assertThat(history.stoppedEarly()).isTrue();
        assertThat(history.epochs()).hasSize(history.bestEpoch() + NOISY.patience());
        assertThat(history.epochs().get(history.bestEpoch() - 1).validationLoss()).isEqualTo(best);
        assertThat(SequenceTrainer.meanSquaredError(model, VALIDATION, CancellationToken.NEVER)).isEqualTo(best);
    }

    @ParameterizedTest
    @EnumSource(LstmImplementation.class)
    void a_nan_validation_loss_fails_training(LstmImplementation implementation) {
        float[] y = VALIDATION.y().clone();
        y[17] = Float.NaN;
        InMemorySequences poisoned = new InMemorySequences(VALIDATION.size(), VALIDATION.steps(),
                VALIDATION.features(), VALIDATION.x(), y);

        assertThatThrownBy(() -> regressor(implementation).fit(TRAIN, poisoned, NOISY, TrainingListener.NONE,
                CancellationToken.NEVER))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("validation loss became NaN after epoch 1");
    }

    @ParameterizedTest
    @EnumSource(LstmImplementation.class)
    void cancellation_stops_training_before_the_next_mini_batch(LstmImplementation implementation) {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(EpochProgress progress) {
                if (batches.incrementAndGet() == 2) {
                    cancel.set(true);
                }
            }
        };

        assertThatThrownBy(() -> regressor(implementation).fit(TRAIN, VALIDATION, NOISY, listener, cancel::get))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(batches.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(LstmImplementation.class)
    void the_same_seed_repeats_the_training_curve_and_the_predictions(LstmImplementation implementation) {
        LstmSettings settings = NOISY.withMaxEpochs(3);
        SequenceRegressor first = regressor(implementation);
        SequenceRegressor second = regressor(implementation);
        TrainingHistory a = first.fit(TRAIN, VALIDATION, settings, TrainingListener.NONE, CancellationToken.NEVER);
        TrainingHistory b = second.fit(TRAIN, VALIDATION, settings, TrainingListener.NONE, CancellationToken.NEVER);

        assertThat(b.epochs()).extracting(EpochProgress::trainLoss)
                .containsExactlyElementsOf(a.epochs().stream().map(EpochProgress::trainLoss).toList());
        assertThat(b.epochs()).extracting(EpochProgress::validationLoss)
                .containsExactlyElementsOf(a.epochs().stream().map(EpochProgress::validationLoss).toList());
        SequenceBatch all = VALIDATION.all();
        assertThat(second.predict(all)).containsExactly(first.predict(all));
    }

    @ParameterizedTest
    @EnumSource(LstmImplementation.class)
    void a_saved_network_loads_identically_and_the_other_implementation_refuses_it(
            LstmImplementation implementation) throws IOException {
        SequenceRegressor trained = regressor(implementation);
        trained.fit(TRAIN, null, NOISY.withMaxEpochs(1), TrainingListener.NONE, CancellationToken.NEVER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);

        SequenceRegressor loaded = regressor(implementation);
        loaded.load(new ByteArrayInputStream(bytes.toByteArray()));
        SequenceBatch all = VALIDATION.all();
        assertThat(loaded.predict(all)).containsExactly(trained.predict(all));

        LstmImplementation other = implementation == LstmImplementation.FAST
                ? LstmImplementation.DL4J : LstmImplementation.FAST;
        assertThatThrownBy(() -> regressor(other).load(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("trained by the " + implementation + " implementation");
    }
}
