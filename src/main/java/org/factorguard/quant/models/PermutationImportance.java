package org.factorguard.quant.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Out-of-sample permutation importance (L. Breiman, "Random forests", Machine Learning 45, 2001, §10; A. Fisher,
 * C. Rudin and F. Dominici, "All models are wrong, but many are useful", JMLR 20(177), 2019, "model reliance") of
 * each factor for a fitted return model, on a test slice the model never saw.
 *
 * <p><b>Score.</b> On the evaluated days D (the slice's days with labels, thinned evenly to at most
 * {@link ImportanceSettings#maxDays}), S = mean over D of the daily Rank IC (Spearman, ties averaged, days with
 * at least 3 pairs, as {@link org.factorguard.quant.validation.OutOfSampleEvaluation}) between predictions and the
 * labels at the model's horizon; the second score is the pooled MSE. For input j and repeat r the importance is
 * S − S<sub>j,r</sub> (and MSE<sub>j,r</sub> − MSE), averaged over the repeats, with their standard deviation.
 *
 * <p><b>Permutation.</b> Across instruments within each day, so the time structure and each day's cross-section of
 * the input are kept and only its link to the instrument (its other inputs and its return) is broken; a sound
 * default for a cross-sectional return model, whose skill is ranking names on the same day.
 * <ul>
 *   <li>Models that read day t only (the linear model): factor j's values on each evaluated day are shuffled among
 *       the instruments that have a value (missing values stay where they are); the model then predicts from that
 *       panel.</li>
 *   <li>{@link SequenceInputModel}s (the LSTM): each sample (t, i) receives factor j's whole look-back sequence of
 *       the instrument π<sub>t</sub>(i), π<sub>t</sub> a random permutation of the samples of day t, so every
 *       permuted sequence is a real history of one name. <i>Time blocks</i>: all factors at the steps of one block
 *       of lags (e.g. the last 5 days) come from π<sub>t</sub>(i), the other steps stay: how much the model
 *       relies on recent versus older days.</li>
 * </ul>
 * The permutation of day t depends only on the seed, the input, the repeat and t.
 */
public final class PermutationImportance {

    private static final int MIN_PAIRS = 3;
    private static final int CHUNK_SAMPLES = 8192;
    private static final int BLOCK_VARIANT = 1 << 20;

    private PermutationImportance() {
    }

    /** Importance on the split's test slice. */
    public static FoldImportance measure(FittedReturnModel model, FactorPanel panel, double[][] labels,
                                         WalkForwardSplit split, ImportanceSettings settings) {
        return measure(model, panel, labels, split.testStart(), split.testEnd(), settings, CancellationToken.NEVER);
    }

    /** Importance on the split's test slice, stopping with a {@code TrainingCancelledException} when asked. */
    public static FoldImportance measure(FittedReturnModel model, FactorPanel panel, double[][] labels,
                                         WalkForwardSplit split, ImportanceSettings settings,
                                         CancellationToken cancel) {
        return measure(model, panel, labels, split.testStart(), split.testEnd(), settings, cancel);
    }

    /** Importance on days {@code [fromDay, toDay)}, without cancellation. */
    public static FoldImportance measure(FittedReturnModel model, FactorPanel panel, double[][] labels, int fromDay,
                                         int toDay, ImportanceSettings settings) {
        return measure(model, panel, labels, fromDay, toDay, settings, CancellationToken.NEVER);
    }

    /**
     * Importance on days {@code [fromDay, toDay)}.
     *
     * @param labels {@code [day][instrument]} forward log returns at the model's horizon (NaN where unknown)
     * @param cancel checked before every re-prediction
     * @throws org.factorguard.quant.models.sequence.TrainingCancelledException when {@code cancel} asks for it
     */
    public static FoldImportance measure(FittedReturnModel model, FactorPanel panel, double[][] labels, int fromDay,
                                         int toDay, ImportanceSettings settings, CancellationToken cancel) {
        if (labels.length != panel.dayCount()) {
            throw new IllegalArgumentException("labels have " + labels.length + " days, the panel " + panel.dayCount());
        }
        if (fromDay < 0 || toDay > panel.dayCount() || toDay <= fromDay) {
            throw new IllegalArgumentException("days [" + fromDay + ", " + toDay + ") outside the panel");
        }
        long start = System.nanoTime();
        int[] days = evaluatedDays(labels, fromDay, toDay, settings.maxDays());
        List<FoldImportance.TimeBlock> blocks = model instanceof SequenceInputModel s
                ? blocks(settings.blockLags(), s.lookback()) : List.of();
        int factors = panel.factorCount();
        Score baseline = new Score();
        Score[][] permuted = new Score[factors + blocks.size()][settings.repeats()];
        for (Score[] row : permuted) {
            for (int r = 0; r < row.length; r++) {
                row[r] = new Score();
            }
        }
        if (days.length > 0) {
            if (model instanceof SequenceInputModel sequenceModel) {
                bySequence(sequenceModel, panel, labels, days, blocks, settings, baseline, permuted, cancel);
            } else {
                byPanel(model, panel, labels, days, settings, baseline, permuted, cancel);
            }
        }
        double baseIc = baseline.rankIc();
        double baseMse = baseline.mse();
        List<FoldImportance.Score> factorScores = new ArrayList<>();
        for (int k = 0; k < factors; k++) {
            factorScores.add(summarise(panel.factorNames().get(k), permuted[k], baseIc, baseMse));
        }
        List<FoldImportance.Score> blockScores = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            blockScores.add(summarise(blocks.get(b).label(), permuted[factors + b], baseIc, baseMse));
        }
        return new FoldImportance(fromDay, toDay, days.length, settings.repeats(), baseIc, baseMse, factorScores,
                blocks, blockScores, System.nanoTime() - start);
    }

    /** Days of {@code [fromDay, toDay)} with at least 3 labels, thinned evenly to {@code maxDays} (0 = all). */
    static int[] evaluatedDays(double[][] labels, int fromDay, int toDay, int maxDays) {
        int[] candidates = new int[toDay - fromDay];
        int n = 0;
        for (int t = fromDay; t < toDay; t++) {
            int finite = 0;
            for (double v : labels[t]) {
                if (Double.isFinite(v)) {
                    finite++;
                }
            }
            if (finite >= MIN_PAIRS) {
                candidates[n++] = t;
            }
        }
        if (maxDays == 0 || n <= maxDays) {
            return Arrays.copyOf(candidates, n);
        }
        int[] chosen = new int[maxDays];
        for (int j = 0; j < maxDays; j++) {
            chosen[j] = candidates[(int) ((long) j * n / maxDays)];
        }
        return chosen;
    }

    /** Blocks of lags from the boundaries, clipped to the look-back; empty blocks are dropped. */
    static List<FoldImportance.TimeBlock> blocks(List<Integer> boundaries, int lookback) {
        List<FoldImportance.TimeBlock> out = new ArrayList<>();
        int newest = 0;
        for (int edge : boundaries) {
            int end = Math.min(edge, lookback);
            if (end > newest) {
                out.add(new FoldImportance.TimeBlock(newest, end - 1));
                newest = end;
            }
        }
        if (newest < lookback) {
            out.add(new FoldImportance.TimeBlock(newest, lookback - 1));
        }
        return out.size() > 1 ? out : List.of();
    }

    private static void byPanel(FittedReturnModel model, FactorPanel panel, double[][] labels, int[] days,
                                ImportanceSettings settings, Score baseline, Score[][] permuted,
                                CancellationToken cancel) {
        addRuns(model, panel, labels, days, baseline);
        int factors = panel.factorCount();
        for (int k = 0; k < factors; k++) {
            for (int r = 0; r < settings.repeats(); r++) {
                cancel.throwIfCancelled();
                float[][][] values = new float[factors][][];
                for (int j = 0; j < factors; j++) {
                    values[j] = panel.values(j);
                }
                float[][] shuffled = values[k].clone();
                for (int t : days) {
                    shuffled[t] = shuffleFinite(values[k][t], random(settings.seed(), k, r, t));
                }
                values[k] = shuffled;
                FactorPanel changed = new FactorPanel(panel.factorNames(), panel.dates(), panel.tickers(), values,
                        panel.prepared());
                addRuns(model, changed, labels, days, permuted[k][r]);
            }
        }
    }

    /** Predicts each run of consecutive evaluated days with one call, so thinned days cost only themselves. */
    private static void addRuns(FittedReturnModel model, FactorPanel panel, double[][] labels, int[] days,
                                Score score) {
        int first = 0;
        while (first < days.length) {
            int last = first;
            while (last + 1 < days.length && days[last + 1] == days[last] + 1) {
                last++;
            }
            int[] run = Arrays.copyOfRange(days, first, last + 1);
            score.addDays(model.predict(panel, days[first], days[last] + 1), days[first], labels, run);
            first = last + 1;
        }
    }

    private static float[] shuffleFinite(float[] row, SplittableRandom random) {
        int[] positions = new int[row.length];
        int n = 0;
        for (int i = 0; i < row.length; i++) {
            if (Float.isFinite(row[i])) {
                positions[n++] = i;
            }
        }
        int[] order = permutation(n, random);
        float[] out = row.clone();
        for (int j = 0; j < n; j++) {
            out[positions[j]] = row[positions[order[j]]];
        }
        return out;
    }

    private static void bySequence(SequenceInputModel model, FactorPanel panel, double[][] labels, int[] days,
                                   List<FoldImportance.TimeBlock> blocks, ImportanceSettings settings, Score baseline,
                                   Score[][] permuted, CancellationToken cancel) {
        int steps = model.lookback();
        int features = panel.factorCount();
        int stride = steps * features;
        int next = 0;
        while (next < days.length) {
            List<SequenceInputModel.Samples> chunk = new ArrayList<>();
            int total = 0;
            while (next < days.length && (chunk.isEmpty() || total < CHUNK_SAMPLES)) {
                SequenceInputModel.Samples s = model.inputs(panel, days[next], days[next] + 1);
                chunk.add(s);
                total += s.batch().size();
                next++;
            }
            float[] x = new float[total * stride];
            int[] offsets = new int[chunk.size() + 1];
            int[] instruments = new int[total];
            for (int d = 0; d < chunk.size(); d++) {
                SequenceInputModel.Samples s = chunk.get(d);
                offsets[d + 1] = offsets[d] + s.batch().size();
                System.arraycopy(s.batch().x(), 0, x, offsets[d] * stride, s.batch().size() * stride);
                System.arraycopy(s.instruments(), 0, instruments, offsets[d], s.batch().size());
            }
            int[] chunkDays = new int[chunk.size()];
            for (int d = 0; d < chunk.size(); d++) {
                chunkDays[d] = chunk.get(d).batch().size() > 0 ? chunk.get(d).days()[0] : -1;
            }
            float[] base = model.predictSequences(new SequenceBatch(total, steps, features, x, null));
            baseline.addSamples(base, chunkDays, offsets, instruments, labels);
            for (int v = 0; v < features + blocks.size(); v++) {
                for (int r = 0; r < settings.repeats(); r++) {
                    cancel.throwIfCancelled();
                    float[] changed = x.clone();
                    for (int d = 0; d < chunk.size(); d++) {
                        int size = offsets[d + 1] - offsets[d];
                        if (size == 0) {
                            continue;
                        }
                        int variant = v < features ? v : BLOCK_VARIANT + v - features;
                        int[] order = permutation(size, random(settings.seed(), variant, r, chunkDays[d]));
                        for (int j = 0; j < size; j++) {
                            int target = (offsets[d] + j) * stride;
                            int donor = (offsets[d] + order[j]) * stride;
                            if (v < features) {
                                for (int step = 0; step < steps; step++) {
                                    changed[target + step * features + v] = x[donor + step * features + v];
                                }
                            } else {
                                FoldImportance.TimeBlock block = blocks.get(v - features);
                                int from = steps - 1 - block.oldestLag();
                                int length = (block.oldestLag() - block.newestLag() + 1) * features;
                                System.arraycopy(x, donor + from * features, changed, target + from * features,
                                        length);
                            }
                        }
                    }
                    float[] p = model.predictSequences(new SequenceBatch(total, steps, features, changed, null));
                    permuted[v][r].addSamples(p, chunkDays, offsets, instruments, labels);
                }
            }
        }
    }

    private static SplittableRandom random(long seed, int variant, int repeat, int day) {
        long s = seed;
        s = s * 0x9E3779B97F4A7C15L + variant;
        s = s * 0x9E3779B97F4A7C15L + repeat;
        s = s * 0x9E3779B97F4A7C15L + day;
        return new SplittableRandom(s);
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static FoldImportance.Score summarise(String name, Score[] repeats, double baseIc, double baseMse) {
        double[] icDrop = new double[repeats.length];
        double[] mseRise = new double[repeats.length];
        for (int r = 0; r < repeats.length; r++) {
            icDrop[r] = baseIc - repeats[r].rankIc();
            mseRise[r] = repeats[r].mse() - baseMse;
        }
        return new FoldImportance.Score(name, ImportanceSummary.mean(icDrop), ImportanceSummary.sd(icDrop),
                ImportanceSummary.mean(mseRise), ImportanceSummary.sd(mseRise));
    }

    /** Running mean daily Rank IC and pooled squared error. */
    private static final class Score {

        private final SpearmansCorrelation spearman = new SpearmansCorrelation();
        private double icSum;
        private int icDays;
        private double squaredErrors;
        private long pairs;

        double rankIc() {
            return icDays == 0 ? Double.NaN : icSum / icDays;
        }

        double mse() {
            return pairs == 0 ? Double.NaN : squaredErrors / pairs;
        }

        /** {@code predictions[t − first][instrument]} for the given days. */
        void addDays(float[][] predictions, int first, double[][] labels, int[] days) {
            for (int t : days) {
                addDay(predictions[t - first], null, labels[t]);
            }
        }

        /** Predictions of chunked samples: day d holds samples {@code [offsets[d], offsets[d + 1])}. */
        void addSamples(float[] predictions, int[] days, int[] offsets, int[] instruments, double[][] labels) {
            for (int d = 0; d < days.length; d++) {
                int size = offsets[d + 1] - offsets[d];
                if (size == 0) {
                    continue;
                }
                float[] p = Arrays.copyOfRange(predictions, offsets[d], offsets[d + 1]);
                addDay(p, Arrays.copyOfRange(instruments, offsets[d], offsets[d + 1]), labels[days[d]]);
            }
        }

        private void addDay(float[] predictions, int[] instruments, double[] labels) {
            double[] x = new double[predictions.length];
            double[] y = new double[predictions.length];
            int n = 0;
            for (int j = 0; j < predictions.length; j++) {
                double label = labels[instruments == null ? j : instruments[j]];
                if (Float.isFinite(predictions[j]) && Double.isFinite(label)) {
                    x[n] = predictions[j];
                    y[n] = label;
                    double e = predictions[j] - label;
                    squaredErrors += e * e;
                    pairs++;
                    n++;
                }
            }
            if (n < MIN_PAIRS) {
                return;
            }
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            if (isConstant(x) || isConstant(y)) {
                return;
            }
            icSum += spearman.correlation(x, y);
            icDays++;
        }

        private static boolean isConstant(double[] v) {
            for (int i = 1; i < v.length; i++) {
                if (v[i] != v[0]) {
                    return false;
                }
            }
            return true;
        }
    }
}
