package org.factorguard.shared.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thins long series for charts, min/max per bucket: the first and last day are kept, the days in
 * between are cut into buckets, and each bucket keeps the day of each series' lowest and highest
 * value. Unlike Largest-Triangle-Three-Buckets (Steinarsson 2013), which keeps one visually salient
 * point per bucket and may drop a crash day, every extreme survives: the chart's deepest drawdown is
 * the one Table 1 reports. A bucket with missing values also keeps its first missing day, so a gap stays a
 * gap. Series of one chart share one set of days, so they can keep sharing a
 * category axis (stacked weights, regime bands, one tooltip per date). Exports never go through here.
 */
public final class Downsampling {

    /** The most points per series a chart sends to the browser. */
    public static final int MAX_CHART_POINTS = 2_000;

    private Downsampling() {
    }

    /**
     * The days a chart keeps: sorted indices into series of length {@code n}, at most {@code maxPoints}
     * of them, all days when {@code n <= maxPoints}.
     *
     * @param series the chart's series, of length n (non-finite values, and days past a shorter series' end, are
     *               missing)
     * @param mustKeep days that must stay, e.g. where a shaded band starts or ends
     */
    public static int[] keptDays(int n, List<double[]> series, int maxPoints, int... mustKeep) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, was " + maxPoints);
        }
        if (n <= maxPoints) {
            return identity(n);
        }
        int[] best = null;
        int lo = 1;
        int hi = Math.max(1, (maxPoints - 2 - mustKeep.length) / 2);
        // more buckets keep more days; take the most buckets whose union of extremes still fits
        while (lo <= hi) {
            int buckets = (lo + hi) >>> 1;
            int[] kept = extremes(n, series, buckets, mustKeep);
            if (kept.length <= maxPoints) {
                best = kept;
                lo = buckets + 1;
            } else {
                hi = buckets - 1;
            }
        }
        return best != null ? best : evenlySpaced(n, maxPoints);
    }

    /** {@link #keptDays} for one series. */
    public static int[] keptDays(double[] values, int maxPoints) {
        return keptDays(values.length, List.of(values), maxPoints);
    }

    /** The values at the kept days; NaN (missing) past the end of a shorter series. */
    public static double[] pick(double[] values, int[] days) {
        double[] out = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            out[i] = days[i] < values.length ? values[days[i]] : Double.NaN;
        }
        return out;
    }

    /** The labels (or dates) at the kept days. */
    public static <T> List<T> pick(List<T> labels, int[] days) {
        List<T> out = new ArrayList<>(days.length);
        for (int d : days) {
            out.add(labels.get(d));
        }
        return out;
    }

    private static int[] extremes(int n, List<double[]> series, int buckets, int[] mustKeep) {
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        for (int d : mustKeep) {
            keep[d] = true;
        }
        int inner = n - 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) b * inner / buckets);
            int to = 1 + (int) ((long) (b + 1) * inner / buckets);
            if (from >= to) {
                continue;
            }
            boolean anyFinite = false;
            for (double[] v : series) {
                int min = -1;
                int max = -1;
                int gap = -1;
                for (int t = from; t < to; t++) {
                    if (t >= v.length || !Double.isFinite(v[t])) {
                        gap = gap < 0 ? t : gap;
                        continue;
                    }
                    if (min < 0 || v[t] < v[min]) {
                        min = t;
                    }
                    if (max < 0 || v[t] > v[max]) {
                        max = t;
                    }
                }
                if (min >= 0) {
                    keep[min] = true;
                    keep[max] = true;
                    anyFinite = true;
                }
                if (gap >= 0) {
                    keep[gap] = true; // a missing stretch stays a gap instead of a line across it
                }
            }
            if (!anyFinite) {
                keep[from] = true;
            }
        }
        int count = 0;
        for (boolean k : keep) {
            count += k ? 1 : 0;
        }
        int[] out = new int[count];
        int i = 0;
        for (int t = 0; t < n; t++) {
            if (keep[t]) {
                out[i++] = t;
            }
        }
        return out;
    }

    private static int[] evenlySpaced(int n, int maxPoints) {
        int[] out = new int[maxPoints];
        for (int i = 0; i < maxPoints; i++) {
            out[i] = (int) Math.round((double) i * (n - 1) / (maxPoints - 1));
        }
        return Arrays.stream(out).distinct().toArray();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            out[t] = t;
        }
        return out;
    }
}
