package org.factorguard.quant.models.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mini-batch training loop of every {@link SequenceRegressor}; an implementation supplies only its
 * {@link TrainingStep}. For {@code n} training samples and batch size {@code B}:
 * <pre>
 *   for epoch e = 1 … maxEpochs:
 *     reshuffle the sample order (Fisher–Yates with the given random stream)
 *     for mini-batch b = 1 … ⌈n/B⌉ (samples bB−B … min(bB, n)−1 of that order):
 *       stop if cancellation was requested;  L_b = step.train(batch);  fail if L_b is not finite
 *       report train loss = Σ L_b / samples seen this epoch
 *     validation loss V_e = (1/m) Σ_j (ŷ_j − y_j)²  over the m validation samples;  fail if not finite
 *     report the epoch with a checkpoint predictor
 *     if V_e &lt; min_{k&lt;e} V_k: snapshot the parameters
 *     else after {@code patience} epochs in a row without such an improvement: stop
 *   restore the snapshot (the best epoch's parameters)
 * </pre>
 * This is early stopping as in Goodfellow, Bengio &amp; Courville, <i>Deep Learning</i> (2016), §7.8,
 * algorithm 7.1 (Prechelt 1998), with the check every epoch; {@code patience = 0} or no validation source
 * trains all epochs and keeps the last. The sample order depends only on the random stream, so the same
 * seed repeats the same trajectory. Failures: {@link TrainingCancelledException} (checked before every
 * mini-batch and between validation chunks), {@link TrainingDivergedException} (a non-finite training or
 * validation loss).
 */
public final class SequenceTrainer {

    private static final int VALIDATION_CHUNK = 4096;
    private static final String ADVICE = "lower the learning rate or check the inputs for extreme values";

    private final SequenceSource train;
    private final SequenceSource validation;
    private final LstmSettings settings;
    private final TrainingListener listener;
    private final CancellationToken cancel;

    /**
     * Checks the sources before an implementation builds its network.
     *
     * @param validation held-out samples for early stopping, or {@code null} for none (then never empty)
     * @param listener   progress receiver, or {@code null}
     * @param cancel     cancellation, or {@code null} for never
     * @throws IllegalArgumentException without training samples, or with an empty or differently shaped
     *                                  validation source
     */
    public SequenceTrainer(SequenceSource train, SequenceSource validation, LstmSettings settings,
                           TrainingListener listener, CancellationToken cancel) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples");
        }
        if (validation != null && validation.size() == 0) {
            throw new IllegalArgumentException("the validation source is empty; pass none to train without one");
        }
        if (validation != null && (validation.steps() != train.steps()
                || validation.features() != train.features())) {
            throw new IllegalArgumentException("validation sequences differ in shape from the training sequences");
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.train = train;
        this.validation = validation;
        this.settings = settings;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.cancel = cancel == null ? CancellationToken.NEVER : cancel;
    }

    /**
     * Trains with {@code step}, visiting the samples in orders drawn from {@code shuffling}; on return the
     * step's parameters are those of the kept epoch.
     */
    public TrainingHistory run(TrainingStep step, SplittableRandom shuffling) {
        long started = System.nanoTime();
        int n = train.size();
        int batchSize = settings.batchSize();
        int batches = (n + batchSize - 1) / batchSize;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<EpochProgress> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        boolean snapshotTaken = false;
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            shuffle(order, shuffling);
            double lossSum = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++) {
                cancel.throwIfCancelled();
                int from = b * batchSize;
                SequenceBatch batch = train.batch(Arrays.copyOfRange(order, from, Math.min(n, from + batchSize)));
                double loss = step.train(batch);
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("LSTM training diverged: the training loss became " + loss
                            + " in epoch " + epoch + ", mini-batch " + (b + 1) + "; " + ADVICE);
                }
                lossSum += loss;
                seen += batch.size();
                listener.onBatch(new EpochProgress(epoch, settings.maxEpochs(), b + 1, batches, lossSum / seen,
                        Double.NaN, elapsedMillis(started)));
            }
            double validationLoss = Double.NaN;
            if (validation != null) {
                validationLoss = meanSquaredError(step, validation, cancel);
                if (!Double.isFinite(validationLoss)) {
                    throw new TrainingDivergedException("LSTM training diverged: the validation loss became "
                            + validationLoss + " after epoch " + epoch + "; " + ADVICE);
                }
            }
            EpochProgress progress = new EpochProgress(epoch, settings.maxEpochs(), batches, batches,
                    lossSum / seen, validationLoss, elapsedMillis(started));
            epochs.add(progress);
            listener.onEpochEnd(progress, step);
            if (validation == null) {
                bestEpoch = epoch;
                continue;
            }
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                sinceBest = 0;
                step.snapshot();
                snapshotTaken = true;
            } else if (settings.patience() > 0 && ++sinceBest >= settings.patience()) {
                stoppedEarly = epoch < settings.maxEpochs();
                break;
            }
        }
        if (snapshotTaken) {
            step.restoreSnapshot();
        }
        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    /**
     * Mean squared error {@code (1/m) Σ (ŷ_j − y_j)²} of {@code predictor} over {@code source}, predicted in
     * chunks of 4,096 samples in source order, summed in double precision.
     */
    public static double meanSquaredError(SequencePredictor predictor, SequenceSource source,
                                          CancellationToken cancel) {
        double sum = 0;
        for (int from = 0; from < source.size(); from += VALIDATION_CHUNK) {
            cancel.throwIfCancelled();
            SequenceBatch batch = source.range(from, Math.min(source.size(), from + VALIDATION_CHUNK));
            float[] predicted = predictor.predict(batch);
            for (int i = 0; i < predicted.length; i++) {
                double e = predicted[i] - batch.y()[i];
                sum += e * e;
            }
        }
        return sum / source.size();
    }

    /** Durstenfeld's in-place Fisher–Yates shuffle. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
