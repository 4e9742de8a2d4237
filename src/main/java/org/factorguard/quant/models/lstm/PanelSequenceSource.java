package org.factorguard.quant.models.lstm;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceSource;

/**
 * Stock-day sequences read straight from a {@link FactorPanel}: sample {@code (t, i)} is the scaled
 * factor vector of instrument {@code i} on days {@code t−L+1, …, t} (oldest first), with target
 * {@code labels[t][i]}. Only the (day, instrument) pairs are stored; mini-batches are assembled on demand,
 * so memory stays at {@code O(samples)} integers instead of {@code O(samples · L · factors)} floats. Days
 * before the panel start and missing values take the scaler's training mean.
 */
public final class PanelSequenceSource implements SequenceSource {

    private final FactorPanel panel;
    private final FeatureScaler scaler;
    private final int lookback;
    private final int[] days;
    private final int[] instruments;
    private final float[] targets;

    private PanelSequenceSource(FactorPanel panel, FeatureScaler scaler, int lookback, int[] days, int[] instruments,
                                float[] targets) {
        scaler.requireCompatible(panel);
        this.panel = panel;
        this.scaler = scaler;
        this.lookback = lookback;
        this.days = days;
        this.instruments = instruments;
        this.targets = targets;
    }

    /**
     * Labelled samples of days {@code [fromDay, toDay)} whose label and day-{@code t} factor values are all
     * finite. With {@code maxSamples > 0} and more candidates, a uniform random subset of that size is drawn
     * with {@code seed} (partial Fisher–Yates), kept in (day, instrument) order.
     */
    public static PanelSequenceSource labelled(FactorPanel panel, double[][] labels, FeatureScaler scaler, int lookback,
                                               int fromDay, int toDay, int maxSamples, long seed) {
        int instrumentCount = panel.instrumentCount();
        int count = 0;
        for (int t = fromDay; t < toDay; t++) {
            for (int i = 0; i < instrumentCount; i++) {
                if (isComplete(panel, labels, t, i)) {
                    count++;
                }
            }
        }
        int[] candidates = new int[count];
        int c = 0;
        for (int t = fromDay; t < toDay; t++) {
            for (int i = 0; i < instrumentCount; i++) {
                if (isComplete(panel, labels, t, i)) {
                    candidates[c++] = (t - fromDay) * instrumentCount + i;
                }
            }
        }
        if (maxSamples > 0 && count > maxSamples) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int k = 0; k < maxSamples; k++) {
                int j = k + random.nextInt(count - k);
                int swap = candidates[k];
                candidates[k] = candidates[j];
                candidates[j] = swap;
            }
            candidates = Arrays.copyOf(candidates, maxSamples);
            Arrays.sort(candidates);
        }
        int[] days = new int[candidates.length];
        int[] instruments = new int[candidates.length];
        float[] targets = new float[candidates.length];
        for (int s = 0; s < candidates.length; s++) {
            days[s] = fromDay + candidates[s] / instrumentCount;
            instruments[s] = candidates[s] % instrumentCount;
            targets[s] = (float) labels[days[s]][instruments[s]];
        }
        return new PanelSequenceSource(panel, scaler, lookback, days, instruments, targets);
    }

    /** Unlabelled samples of days {@code [fromDay, toDay)} where the instrument has at least one factor value. */
    public static PanelSequenceSource forPrediction(FactorPanel panel, FeatureScaler scaler, int lookback, int fromDay,
                                                    int toDay) {
        int instrumentCount = panel.instrumentCount();
        int[] days = new int[(toDay - fromDay) * instrumentCount];
        int[] instruments = new int[days.length];
        int n = 0;
        for (int t = fromDay; t < toDay; t++) {
            for (int i = 0; i < instrumentCount; i++) {
                if (hasAnyFactor(panel, t, i)) {
                    days[n] = t;
                    instruments[n] = i;
                    n++;
                }
            }
        }
        return new PanelSequenceSource(panel, scaler, lookback, Arrays.copyOf(days, n), Arrays.copyOf(instruments, n),
                null);
    }

    private static boolean isComplete(FactorPanel panel, double[][] labels, int t, int i) {
        if (!Double.isFinite(labels[t][i])) {
            return false;
        }
        for (int k = 0; k < panel.factorCount(); k++) {
            if (!Float.isFinite(panel.value(k, t, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAnyFactor(FactorPanel panel, int t, int i) {
        for (int k = 0; k < panel.factorCount(); k++) {
            if (Float.isFinite(panel.value(k, t, i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return days.length;
    }

    @Override
    public int steps() {
        return lookback;
    }

    @Override
    public int features() {
        return panel.factorCount();
    }

    public int day(int sample) {
        return days[sample];
    }

    public int instrument(int sample) {
        return instruments[sample];
    }

    @Override
    public SequenceBatch batch(int[] sampleIndices) {
        int factors = panel.factorCount();
        float[] x = new float[sampleIndices.length * lookback * factors];
        float[] y = targets == null ? null : new float[sampleIndices.length];
        int pos = 0;
        for (int n = 0; n < sampleIndices.length; n++) {
            int sample = sampleIndices[n];
            int t = days[sample];
            int i = instruments[sample];
            for (int step = 0; step < lookback; step++) {
                int day = t - lookback + 1 + step;
                for (int k = 0; k < factors; k++) {
                    x[pos++] = scaler.apply(k, day >= 0 ? panel.value(k, day, i) : Float.NaN);
                }
            }
            if (y != null) {
                y[n] = targets[sample];
            }
        }
        return new SequenceBatch(sampleIndices.length, lookback, factors, x, y);
    }
}
