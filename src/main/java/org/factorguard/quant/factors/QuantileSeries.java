package org.factorguard.quant.factors;

import java.util.Arrays;

import org.factorguard.quant.risk.NeweyWest;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Daily statistics by signal bucket from {@link QuantileAnalysis#analyse}; {@link #summarise} condenses any day
 * range (a walk-forward fold's test slice, or all test days) into a {@link QuantileSummary}. Arrays are indexed by
 * absolute day; bucket b (1..q) sits at index b − 1. NaN where a bucket has no name with a return that day.
 *
 * @param quantiles      q
 * @param horizon        h of the forward returns
 * @param settings       how the series was computed
 * @param buckets        {@code [day][instrument]} bucket 1..q, 0 = not bucketed
 * @param sizes          {@code [day][bucket]} names in each bucket
 * @param forwardMeans   {@code [day][bucket]} mean h-day forward log return m<sub>b,t</sub> (demeaned if set)
 * @param nextDayMeans   {@code [day][bucket]} mean 1-day simple return from t to t + 1 (demeaned if set): the
 *                       daily return of the equal-weight bucket portfolio
 * @param spread         {@code [day]} m<sub>q,t</sub> − m<sub>1,t</sub> on h-day returns (overlapping for h &gt; 1)
 * @param topTurnover    {@code [day]} share of bucket q's names that were not in bucket q p days earlier
 * @param bottomTurnover {@code [day]} the same for bucket 1
 */
public record QuantileSeries(int quantiles, int horizon, QuantileSettings settings, byte[][] buckets, int[][] sizes,
                             double[][] forwardMeans, double[][] nextDayMeans, double[] spread, double[] topTurnover,
                             double[] bottomTurnover) {

    public int dayCount() {
        return spread.length;
    }

    /**
     * Statistics of days {@code [fromDay, toDay)}:
     * <ul>
     *   <li>mean return by bucket: the mean over days of m<sub>b,t</sub> (alphalens-reloaded's
     *       {@code mean_return_by_quantile}, which averages the daily bucket means), with a Newey–West standard
     *       error with h − 1 lags; at h = 1 it is alphalens' std / √count;</li>
     *   <li>the spread's mean with its Newey–West test (h − 1 lags, {@link NeweyWest#meanTest});</li>
     *   <li>cumulative returns ∏(1 + daily bucket return) of each bucket and of the top-minus-bottom
     *       portfolio, compounding the 1-day returns (alphalens {@code cumulative_returns} on the "1D" column,
     *       empyrical {@code cum_returns(starting_value=1)}; a day without a return counts as 0);</li>
     *   <li>mean top and bottom turnover over days where both t and t − p lie in the range;</li>
     *   <li>monotonicity: Spearman's correlation of bucket number 1..q with the bucket mean returns (Hipparchus
     *       {@link SpearmansCorrelation}, ties averaged); NaN when a bucket has no mean.</li>
     * </ul>
     */
    public QuantileSummary summarise(int fromDay, int toDay) {
        if (fromDay < 0 || toDay > dayCount() || toDay < fromDay) {
            throw new IllegalArgumentException("days [" + fromDay + ", " + toDay + ") outside the series");
        }
        int q = quantiles;
        int lags = NeweyWest.lagsForHorizon(horizon);
        int length = toDay - fromDay;
        double[] mean = new double[q];
        double[] standardError = new double[q];
        double[] column = new double[length];
        for (int b = 0; b < q; b++) {
            for (int t = fromDay; t < toDay; t++) {
                column[t - fromDay] = forwardMeans[t][b];
            }
            NeweyWest.MeanTest test = NeweyWest.meanTest(column, lags);
            mean[b] = test.mean();
            standardError[b] = test.standardError();
        }
        NeweyWest.MeanTest spreadTest = NeweyWest.meanTest(Arrays.copyOfRange(spread, fromDay, toDay), lags);
        double[][] cumulative = new double[q][length];
        double[] cumulativeSpread = new double[length];
        double[] level = new double[q];
        Arrays.fill(level, 1.0);
        double spreadLevel = 1.0;
        int bucketedDays = 0;
        for (int t = fromDay; t < toDay; t++) {
            double[] r = nextDayMeans[t];
            boolean bucketed = false;
            for (int b = 0; b < q; b++) {
                if (Double.isFinite(r[b])) {
                    level[b] *= 1 + r[b];
                }
                cumulative[b][t - fromDay] = level[b];
                bucketed |= sizes[t][b] > 0;
            }
            if (Double.isFinite(r[q - 1]) && Double.isFinite(r[0])) {
                spreadLevel *= 1 + r[q - 1] - r[0];
            }
            cumulativeSpread[t - fromDay] = spreadLevel;
            if (bucketed) {
                bucketedDays++;
            }
        }
        int p = settings.turnoverPeriod();
        double top = meanFinite(topTurnover, Math.min(toDay, fromDay + p), toDay);
        double bottom = meanFinite(bottomTurnover, Math.min(toDay, fromDay + p), toDay);
        return new QuantileSummary(fromDay, toDay, bucketedDays, q, horizon, mean, standardError, spreadTest,
                cumulative, cumulativeSpread, top, bottom, monotonicity(mean));
    }

    /** Spearman's ρ of (1, …, q) against the bucket means; NaN when a mean is missing or all are equal. */
    static double monotonicity(double[] bucketMeans) {
        double[] rank = new double[bucketMeans.length];
        for (int b = 0; b < rank.length; b++) {
            if (!Double.isFinite(bucketMeans[b])) {
                return Double.NaN;
            }
            rank[b] = b + 1;
        }
        double rho = new SpearmansCorrelation().correlation(rank, bucketMeans);
        return Double.isFinite(rho) ? rho : Double.NaN;
    }

    private static double meanFinite(double[] x, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = from; t < to; t++) {
            if (Double.isFinite(x[t])) {
                sum += x[t];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
