package org.factorguard.quant.factors;

import java.util.Arrays;

/**
 * Returns by signal quantile, the returns part of Alphalens' tear sheet, for any daily cross-sectional signal
 * {@code s[t][i]} (a prepared factor, or a model's out-of-sample predictions; NaN = missing).
 *
 * <p><b>Buckets.</b> Each day, over the instruments with a finite signal (n ≥ q), bucket b ∈ 1..q holds the
 * values with Q<sub>b−1</sub> &lt; s ≤ Q<sub>b</sub> (bucket 1 also the minimum), where Q<sub>b</sub> is the
 * linearly interpolated quantile of that day's values at b/q. This is alphalens'
 * {@code utils.quantize_factor} ({@code pd.qcut(factor, q, labels=False) + 1} per date): equal counts up to
 * rounding, bucket q the highest signal. <i>Ties</i> always share a bucket (the one whose edge first reaches their
 * value), so a large tie group can leave a neighbouring bucket empty; pandas refuses such a day ("bin edges must be
 * unique") and alphalens then drops it, here the day is kept and the empty bucket has no return that day.
 * Alphalens also first drops names whose forward returns are missing; here the buckets depend on the signal only
 * (what is known at t), and a name without a return is left out of its bucket's mean.
 *
 * <p><b>Returns.</b> With r<sub>i,t</sub> the h-day forward log return from t to t + h
 * ({@link ForwardReturns#logReturns}) and r̄<sub>t</sub> its mean over the bucketed names that have one, the bucket's
 * daily mean is m<sub>b,t</sub> = mean<sub>i∈b</sub>(r<sub>i,t</sub> − r̄<sub>t</sub>) (without the − r̄<sub>t</sub>
 * when not demeaned); alphalens' {@code performance.mean_return_by_quantile(by_date=True, demeaned=True)}. The
 * same with 1-day simple returns exp(r<sup>(1)</sup><sub>i,t</sub>) − 1 gives the daily return of an equal-weight
 * portfolio of the bucket formed at the close of t and held to the close of t + 1 (alphalens' "1D" column: the
 * trade is at the close the signal is computed on, without the next-close execution lag of the
 * {@link org.factorguard.quant.backtest.Backtester}). The spread is m<sub>q,t</sub> − m<sub>1,t</sub>
 * ({@code performance.compute_mean_returns_spread(upper=q, lower=1)}). Range statistics are in
 * {@link QuantileSeries#summarise}.
 *
 * <p>Reference: Quantopian, <i>Alphalens</i> ({@code performance.py}, {@code tears.create_returns_tear_sheet});
 * the maintained fork alphalens-reloaded (S. Jansen) for the mean over dates of the daily bucket means.
 */
public final class QuantileAnalysis {

    private QuantileAnalysis() {
    }

    /**
     * Daily bucket statistics over the whole panel.
     *
     * @param signal         {@code [day][instrument]} signal values (NaN = missing)
     * @param forwardReturns {@code [day][instrument]} h-day forward log returns (NaN where unknown)
     * @param nextDayReturns {@code [day][instrument]} 1-day forward log returns
     *                       ({@code ForwardReturns.logReturns(data, 1)})
     * @param horizon        h of {@code forwardReturns} (for the Newey–West lags of the summaries)
     */
    public static QuantileSeries analyse(float[][] signal, double[][] forwardReturns, double[][] nextDayReturns,
                                         int horizon, QuantileSettings settings) {
        int days = signal.length;
        if (forwardReturns.length != days || nextDayReturns.length != days) {
            throw new IllegalArgumentException("signal and returns must have the same days");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizon);
        }
        int q = settings.quantiles();
        byte[][] buckets = new byte[days][];
        int[][] sizes = new int[days][q];
        double[][] forwardMeans = new double[days][];
        double[][] nextDayMeans = new double[days][];
        double[] spread = new double[days];
        double[] simple = new double[0];
        for (int t = 0; t < days; t++) {
            int n = signal[t].length;
            if (forwardReturns[t].length != n || nextDayReturns[t].length != n) {
                throw new IllegalArgumentException("day " + t
                        + ": signal and returns must have one value per instrument");
            }
            buckets[t] = new byte[n];
            assign(signal[t], q, buckets[t]);
            for (byte b : buckets[t]) {
                if (b > 0) {
                    sizes[t][b - 1]++;
                }
            }
            if (simple.length != n) {
                simple = new double[n];
            }
            for (int i = 0; i < n; i++) {
                simple[i] = Math.expm1(nextDayReturns[t][i]);
            }
            forwardMeans[t] = bucketMeans(buckets[t], forwardReturns[t], q, settings.demeaned());
            nextDayMeans[t] = bucketMeans(buckets[t], simple, q, settings.demeaned());
            spread[t] = forwardMeans[t][q - 1] - forwardMeans[t][0];
        }
        int p = settings.turnoverPeriod();
        double[] topTurnover = new double[days];
        double[] bottomTurnover = new double[days];
        for (int t = 0; t < days; t++) {
            topTurnover[t] = t < p ? Double.NaN : turnover(buckets[t], buckets[t - p], q);
            bottomTurnover[t] = t < p ? Double.NaN : turnover(buckets[t], buckets[t - p], 1);
        }
        return new QuantileSeries(q, horizon, settings, buckets, sizes, forwardMeans, nextDayMeans, spread, topTurnover,
                bottomTurnover);
    }

    /**
     * Buckets 1..q of one day's values (0 where the value is missing, or everywhere when fewer than q values are
     * finite); see the class comment for the rule and its ties.
     */
    public static void assign(float[] values, int q, byte[] out) {
        if (out.length != values.length) {
            throw new IllegalArgumentException("output must have one slot per value");
        }
        Arrays.fill(out, (byte) 0);
        double[] sorted = new double[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                sorted[n++] = v;
            }
        }
        if (n < q) {
            return;
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        double[] edges = new double[q + 1];
        for (int b = 0; b <= q; b++) {
            double position = (double) b * (n - 1) / q;
            int lo = (int) Math.floor(position);
            double fraction = position - lo;
            edges[b] = lo + 1 < n && fraction > 0 ? sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
        }
        edges[q] = sorted[n - 1];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                continue;
            }
            int b = 1;
            while (b < q && v > edges[b]) {
                b++;
            }
            out[i] = (byte) b;
        }
    }

    private static double[] bucketMeans(byte[] buckets, double[] returns, int q, boolean demeaned) {
        double[] sum = new double[q];
        int[] count = new int[q];
        double total = 0;
        int all = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0 && Double.isFinite(returns[i])) {
                sum[buckets[i] - 1] += returns[i];
                count[buckets[i] - 1]++;
                total += returns[i];
                all++;
            }
        }
        double centre = demeaned && all > 0 ? total / all : 0;
        double[] mean = new double[q];
        for (int b = 0; b < q; b++) {
            mean[b] = count[b] == 0 ? Double.NaN : sum[b] / count[b] - centre;
        }
        return mean;
    }

    /** |S_t \ S_{t−p}| / |S_t| for bucket {@code b}; NaN when either day has no buckets or S_t is empty. */
    private static double turnover(byte[] now, byte[] before, int b) {
        int members = 0;
        int fresh = 0;
        boolean beforeBucketed = false;
        for (byte v : before) {
            if (v > 0) {
                beforeBucketed = true;
                break;
            }
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i] == b) {
                members++;
                if (before[i] != b) {
                    fresh++;
                }
            }
        }
        return members == 0 || !beforeBucketed ? Double.NaN : (double) fresh / members;
    }
}
