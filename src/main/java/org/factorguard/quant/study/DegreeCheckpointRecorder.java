package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.lstm.PanelSequenceSource;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Collects, while the LSTM trains, each evaluated fold's checkpoint predictions per epoch on the fold's last
 * in-sample training days and on its test days, summed over the ensemble members, so that the
 * {@link OptimisationDegreeAnalysis} needs no extra training. Only the days on which a checkpoint portfolio decides
 * its weights are predicted ({@link #decisionDays}): its backtest reads no other, and predicting every day would
 * cost the study's seed ensemble several times the training of a fold.
 */
final class DegreeCheckpointRecorder implements WalkForwardProgress.CheckpointRecorder {

    private static final int PREDICTION_CHUNK = 4096;

    /**
     * A fold's member-averaged checkpoint predictions at one epoch, [day][instrument] from the window's start; a day
     * on which no portfolio decision is made has a null row.
     */
    record Checkpoint(int fold, int members, float[][] inSample, float[][] outOfSample, double trainLoss,
                      double validationLoss) {
    }

    private final StudyConfig.OptimisationDegreeSettings settings;
    private final List<Integer> folds;
    private final WalkForwardPlan plan;
    private final int instruments;
    private final LocalDate[] dates;
    private final RebalanceFrequency rebalance;
    /** fold → epoch → accumulator. */
    private final Map<Integer, Map<Integer, Accumulator>> sums = new TreeMap<>();
    /** fold → what the fold's ensemble reads (its factors, scaler and look-back, chosen inside the fold). */
    private final Map<Integer, Inputs> inputs = new TreeMap<>();

    private record Inputs(FactorPanel panel, FeatureScaler scaler, int lookback) {
    }

    /**
     * @param folds       the folds to evaluate (empty: record nothing)
     * @param instruments instruments of the studied data
     * @param dates       the studied data's dates
     * @param rebalance   the schedule the checkpoint portfolios trade on
     */
    DegreeCheckpointRecorder(StudyConfig.OptimisationDegreeSettings settings, List<Integer> folds,
                             WalkForwardPlan plan, int instruments, LocalDate[] dates, RebalanceFrequency rebalance) {
        this.settings = settings;
        this.folds = List.copyOf(folds);
        this.plan = plan;
        this.instruments = instruments;
        this.dates = dates;
        this.rebalance = rebalance;
    }

    /**
     * The days on which a backtest over days [startDay, endDay] asks its policy for weights ({@code Backtester}):
     * the first day, then every rebalance day up to {@code endDay − 2} (a later decision would not trade in time).
     */
    static int[] decisionDays(LocalDate[] dates, RebalanceFrequency rebalance, int startDay, int endDay) {
        List<Integer> days = new ArrayList<>();
        days.add(startDay);
        for (int d = startDay + 1; d <= endDay - 2; d++) {
            if (rebalance.isRebalanceDay(dates, d)) {
                days.add(d);
            }
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void onEnsembleStart(int fold, FactorPanel panel, FeatureScaler scaler, int lookback) {
        if (folds.contains(fold)) {
            inputs.put(fold, new Inputs(panel, scaler, lookback));
        }
    }

    List<Integer> folds() {
        return folds;
    }

    /** First in-sample day of a fold: the last {@code inSampleDays} days of its training window. */
    int inSampleStart(WalkForwardSplit split) {
        return Math.max(split.trainStart(), split.trainEnd() - settings.inSampleDays());
    }

    @Override
    public void record(int fold, int member, EpochProgress p, SequencePredictor checkpoint) {
        if (!folds.contains(fold)) {
            return;
        }
        List<Integer> wanted = settings.epochs();
        if (!wanted.isEmpty() && !wanted.contains(p.epoch())) {
            return;
        }
        WalkForwardSplit split = plan.folds().get(fold);
        Inputs fed = inputs.get(fold);
        if (fed == null) {
            throw new IllegalStateException("fold " + fold + " reported a checkpoint before its ensemble's inputs");
        }
        float[][] in = predict(fed, checkpoint, inSampleStart(split), split.trainEnd());
        float[][] out = predict(fed, checkpoint, split.testStart(), split.testEnd());
        Accumulator a = sums.computeIfAbsent(fold, k -> new TreeMap<>()).computeIfAbsent(p.epoch(),
                k -> new Accumulator(in.length, out.length, instruments));
        a.add(in, out, p.trainLoss(), p.validationLoss());
    }

    /** Per epoch reached in every evaluated fold: each fold's member-averaged checkpoint, ascending epochs. */
    TreeMap<Integer, List<Checkpoint>> averagedByEpoch() {
        Map<Integer, List<Checkpoint>> byEpoch = new TreeMap<>();
        sums.forEach((fold, epochs) -> epochs.forEach((epoch, a) ->
                byEpoch.computeIfAbsent(epoch, k -> new ArrayList<>()).add(a.average(fold))));
        TreeMap<Integer, List<Checkpoint>> complete = new TreeMap<>();
        byEpoch.forEach((epoch, list) -> {
            if (list.size() == folds.size()) {
                complete.put(epoch, list);
            }
        });
        return complete;
    }

    /**
     * The checkpoint's predictions for a backtest over days [from, to): a row for each decision day (NaN where it
     * has no sequence), null for the other days.
     */
    private float[][] predict(Inputs fed, SequencePredictor checkpoint, int from, int to) {
        float[][] out = new float[to - from][];
        for (int day : decisionDays(dates, rebalance, from, to - 1)) {
            float[] row = new float[instruments];
            Arrays.fill(row, Float.NaN);
            PanelSequenceSource source = PanelSequenceSource.forPrediction(fed.panel(), fed.scaler(), fed.lookback(),
                    day, day + 1);
            for (int s = 0; s < source.size(); s += PREDICTION_CHUNK) {
                int[] indices = new int[Math.min(PREDICTION_CHUNK, source.size() - s)];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = s + i;
                }
                SequenceBatch batch = source.batch(indices);
                float[] p = checkpoint.predict(batch);
                for (int i = 0; i < indices.length; i++) {
                    row[source.instrument(indices[i])] = p[i];
                }
            }
            out[day - from] = row;
        }
        return out;
    }

    /** Sums of member predictions at one fold and epoch. */
    private static final class Accumulator {
        final double[][] in;
        final double[][] out;
        int members;
        double trainLoss;
        double validationLoss;

        Accumulator(int inDays, int outDays, int instruments) {
            in = new double[inDays][instruments];
            out = new double[outDays][instruments];
        }

        void add(float[][] inPredictions, float[][] outPredictions, double train, double validation) {
            addInto(in, inPredictions);
            addInto(out, outPredictions);
            members++;
            trainLoss += train;
            validationLoss += validation;
        }

        private static void addInto(double[][] sum, float[][] add) {
            for (int t = 0; t < sum.length; t++) {
                if (add[t] == null) {
                    sum[t] = null;
                    continue;
                }
                for (int i = 0; i < sum[t].length; i++) {
                    sum[t][i] += add[t][i];
                }
            }
        }

        Checkpoint average(int fold) {
            return new Checkpoint(fold, members, divide(in), divide(out), trainLoss / members,
                    validationLoss / members);
        }

        private float[][] divide(double[][] sum) {
            float[][] out = new float[sum.length][];
            for (int t = 0; t < sum.length; t++) {
                if (sum[t] == null) {
                    continue;
                }
                out[t] = new float[sum[t].length];
                for (int i = 0; i < sum[t].length; i++) {
                    out[t][i] = (float) (sum[t][i] / members);
                }
            }
            return out;
        }
    }
}
